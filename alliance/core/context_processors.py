from .layout import alternate_languages


def site(request):
    # Kept per address and language (alliance/core/layout.py): six translate_url calls
    # were the largest single cost of a signed-in page.
    return {"alternate_languages": alternate_languages(request)}
