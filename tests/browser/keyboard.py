"""Driving a page with the keyboard only: Tab, Shift+Tab, typing, arrows, Space, Enter.

Every element that takes focus on the way must show it (the site's outline or ring), and
every control of the form must be reached by Tab (a radio group counts once: arrows move
inside it)."""

KEY_JS = """el => {
  const tag = el.tagName.toLowerCase(), type = (el.type || '').toLowerCase();
  if (type === 'radio') return 'radio:' + el.name;
  if (type === 'checkbox') return 'checkbox:' + el.name + ':' + el.value;
  if (tag === 'button') return 'button:' + (el.innerText || '').trim();
  if (tag === 'a') return 'a:' + el.getAttribute('href');
  return tag + ':' + el.name;
}"""

ACTIVE_JS = (
    """sel => {
  const key = """
    + KEY_JS
    + """;
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const cs = getComputedStyle(el), box = el.getBoundingClientRect();
  const form = sel ? document.querySelector(sel) : null;
  return {
    key: key(el), tag: el.tagName.toLowerCase(), type: (el.type || '').toLowerCase(),
    name: el.name || '', value: el.value || '', checked: !!el.checked,
    text: (el.innerText || '').trim(), id: el.id || '', cls: el.className || '',
    href: el.getAttribute('href') || '',
    inForm: !!(form && form.contains(el)),
    visible: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2)
      || cs.boxShadow !== 'none',
    onScreen: box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0,
  };
}"""
)

CONTROLS_JS = (
    """sel => {
  const key = """
    + KEY_JS
    + """;
  const form = document.querySelector(sel);
  const els = form.querySelectorAll(
    'input:not([type=hidden]):not([disabled]), select, textarea, button, a[href]');
  return Array.from(new Set(Array.from(els).map(key)));
}"""
)

TEXT_TYPES = {"", "text", "number", "email", "url", "tel", "search", "password", "textarea"}


def active(tab, selector=None):
    return tab.evaluate(ACTIVE_JS, selector)


def assert_focus_visible(info):
    assert info["visible"], f"focus not visible on {info['key']}"
    assert info["onScreen"], f"focused element off screen: {info['key']}"


def tab_to(tab, predicate, *, limit=120, backwards=False):
    """Press Tab (or Shift+Tab) until the focused element matches; checks focus on the way."""
    for _ in range(limit):
        tab.keyboard.press("Shift+Tab" if backwards else "Tab")
        info = active(tab)
        if info is None:
            continue
        assert_focus_visible(info)
        if predicate(info):
            return info
    raise AssertionError("not reachable by keyboard")


def _fill(tab, info, value):
    kind = "textarea" if info["tag"] == "textarea" else info["type"]
    if info["tag"] == "select":
        tab.keyboard.press("Home")
        for _ in range(80):
            if active(tab)["value"] == str(value):
                return
            tab.keyboard.press("ArrowDown")
        raise AssertionError(f"no option {value!r} in {info['name']}")
    if kind == "radio":
        if info["value"] == str(value):
            tab.keyboard.press("Space")
            return
        for _ in range(20):
            tab.keyboard.press("ArrowDown")
            if active(tab)["value"] == str(value):
                return
        raise AssertionError(f"no choice {value!r} in {info['name']}")
    if kind == "checkbox":
        wanted = info["value"] in [str(v) for v in value]
        if wanted != info["checked"]:
            tab.keyboard.press("Space")
        return
    if kind in TEXT_TYPES:
        tab.keyboard.press("ControlOrMeta+a")
        tab.keyboard.press("Delete")
        tab.keyboard.type(str(value))


def fill_form(tab, selector, values, *, submit=None):
    """Tab through the form from the top of the page, filling `values` by name, check that
    every control was reached, then go back to the button `submit` (its text; the form's
    first button if None) and press Enter."""
    if submit is None:
        submit = tab.locator(f"{selector} button[type=submit]").first.inner_text().strip()
    controls = set(tab.evaluate(CONTROLS_JS, selector))
    reached, entered, done = set(), False, set()
    for _ in range(400):
        tab.keyboard.press("Tab")
        info = active(tab, selector)
        if info is None:
            continue
        assert_focus_visible(info)
        if not info["inForm"]:
            if entered:
                break
            continue
        entered = True
        reached.add(info["key"])
        # A radio group or a select is set once; text is typed once.
        if info["name"] in values and info["key"] not in done:
            _fill(tab, info, values[info["name"]])
            done.add(info["key"])
    assert controls <= reached, f"not reachable by Tab: {sorted(controls - reached)}"
    tab_to(tab, lambda i: i["tag"] == "button" and i["text"] == submit, backwards=True)
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    tab.wait_for_load_state()


def follow_link(tab, href_part):
    """Tab from the top of the page to the link and press Enter."""
    tab_to(tab, lambda i: i["tag"] == "a" and href_part in i["href"])
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    tab.wait_for_load_state()
