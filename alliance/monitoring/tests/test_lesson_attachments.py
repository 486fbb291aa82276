import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from alliance.core.models import StrategicObjective
from alliance.monitoring import services
from alliance.monitoring.models import LessonAttachment, LessonLearned

pytestmark = pytest.mark.django_db


def pdf(name):
    return SimpleUploadedFile(name, b"%PDF-1.4 lesson", content_type="application/pdf")


def form_data(centre, **extra):
    return {
        "title": "Open data days",
        "summary": "What we learned.",
        "body": "Publish early.",
        "objective": StrategicObjective.objects.get(code="OPEN_TECH").pk,
        "centre": centre.pk,
        "language": "en",
        "publish": "on",
    } | extra


def test_the_form_offers_one_input_for_several_files(client, manager, centre):
    client.force_login(manager)
    page = client.get(reverse("monitoring:lesson_create")).content.decode()
    assert 'type="file" name="attachments" multiple' in page


def test_several_files_are_attached_and_listed_on_the_lesson_page(
    client, manager, centre, stranger, lab_expert
):
    client.force_login(manager)
    response = client.post(
        reverse("monitoring:lesson_create"),
        form_data(
            centre,
            attachments=[pdf("agenda.pdf"), SimpleUploadedFile("figures.csv", b"a,b\n1,2\n")],
        ),
    )
    lesson = LessonLearned.objects.get()
    assert response.url == reverse("monitoring:lesson_detail", args=[lesson.pk])
    files = list(lesson.attachments.all())
    assert [a.filename.split("_")[0].split(".")[0] for a in files] == ["agenda", "figures"]
    assert all(a.uploaded_by == manager for a in files)
    # Public once the Lab has reviewed it.
    services.lesson_set_status(lesson_id=lesson.pk, actor=lab_expert, status="published")
    client.logout()
    page = client.get(reverse("monitoring:lesson_detail", args=[lesson.pk])).content.decode()
    for attachment in files:
        url = reverse("monitoring:lesson_attachment", args=[lesson.pk, attachment.pk])
        assert url in page and attachment.filename in page
    download = client.get(reverse("monitoring:lesson_attachment", args=[lesson.pk, files[0].pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_bad_file_refuses_the_whole_lesson_and_names_the_file(client, manager, centre):
    client.force_login(manager)
    response = client.post(
        reverse("monitoring:lesson_create"),
        form_data(
            centre,
            attachments=[pdf("agenda.pdf"), SimpleUploadedFile("tool.exe", b"MZ")],
        ),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "tool.exe" in page and "Open data days" in page
    fake = client.post(
        reverse("monitoring:lesson_create"),
        form_data(centre, attachments=[SimpleUploadedFile("fake.pdf", b"MZ not a pdf")]),
    )
    assert "fake.pdf" in fake.content.decode() and "not a PDF" in fake.content.decode()
    assert not LessonLearned.objects.exists()
    assert not LessonAttachment.objects.exists()


def test_too_many_files_are_refused(client, manager, centre):
    client.force_login(manager)
    response = client.post(
        reverse("monitoring:lesson_create"),
        form_data(centre, attachments=[pdf(f"f{n}.pdf") for n in range(11)]),
    )
    assert "at most 10 files" in response.content.decode()
    assert not LessonLearned.objects.exists()


def test_a_lesson_without_files_is_fine(client, manager, centre):
    client.force_login(manager)
    client.post(reverse("monitoring:lesson_create"), form_data(centre))
    lesson = LessonLearned.objects.get()
    assert not lesson.attachments.exists()
    page = client.get(reverse("monitoring:lesson_detail", args=[lesson.pk])).content.decode()
    assert "Attachments" not in page


def test_draft_attachments_answer_404_to_others(client, lab_expert, stranger):
    lesson = services.lesson_create(
        actor=lab_expert,
        title="Draft",
        summary="s",
        body="b",
        objective=StrategicObjective.objects.get(code="POLICY"),
        language="en",
        attachments=[pdf("secret.pdf")],
    )
    attachment = lesson.attachments.get()
    url = reverse("monitoring:lesson_attachment", args=[lesson.pk, attachment.pk])
    assert client.get(url).status_code == 404
    client.force_login(stranger)
    assert client.get(url).status_code == 404
    client.force_login(lab_expert)
    assert client.get(url).status_code == 200
    other = services.lesson_create(
        actor=lab_expert,
        title="Published",
        summary="s",
        body="b",
        objective=StrategicObjective.objects.get(code="POLICY"),
        language="en",
        publish=True,
    )
    # An attachment is only reachable under its own lesson.
    client.logout()
    wrong = reverse("monitoring:lesson_attachment", args=[other.pk, attachment.pk])
    assert client.get(wrong).status_code == 404


@pytest.mark.django_db(transaction=True)
def test_migration_moves_the_single_attachment_into_the_new_table():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    old = [("monitoring", "0001_initial")]
    new = [("monitoring", "0002_lesson_attachments")]
    try:
        executor.migrate(old)
        old_apps = executor.loader.project_state(old).apps
        Lesson = old_apps.get_model("monitoring", "LessonLearned")
        # The pk only: core stays migrated, its names are no longer the 0001 columns.
        objectives = old_apps.get_model("core", "StrategicObjective").objects
        objective_id = objectives.values_list("pk", flat=True).first()
        with_file = Lesson.objects.create(
            title="With", summary="s", body="b", objective_id=objective_id,
            attachment="monitoring/lessons/2025/notes.pdf",
        )  # fmt: skip
        Lesson.objects.create(title="Without", summary="s", body="b", objective_id=objective_id)
        executor = MigrationExecutor(connection)
        executor.migrate(new)
        new_apps = executor.loader.project_state(new).apps
        moved = new_apps.get_model("monitoring", "LessonAttachment")
        rows = list(moved.objects.all())
        assert [(r.lesson_id, r.file.name) for r in rows] == [
            (with_file.pk, "monitoring/lessons/2025/notes.pdf")
        ]
        # The model as it was then: later migrations add columns this database lacks yet.
        lessons = new_apps.get_model("monitoring", "LessonLearned").objects
        assert rows[0].uploaded_at == lessons.get(pk=with_file.pk).created_at
        # Files stored before random names keep their path; their name becomes the one shown.
        executor = MigrationExecutor(connection)
        executor.migrate([("monitoring", "0004_private_files")])
        named = executor.loader.project_state([("monitoring", "0004_private_files")]).apps
        row = named.get_model("monitoring", "LessonAttachment").objects.get()
        assert (row.file.name, row.original_name) == (
            "monitoring/lessons/2025/notes.pdf",
            "notes.pdf",
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


def test_file_errors_in_french(client, manager, centre):
    import html

    from django.utils import translation

    client.force_login(manager)
    try:
        with translation.override("fr"):
            url = reverse("monitoring:lesson_create")
        page = html.unescape(client.get(url).content.decode())
        assert "Vous pouvez choisir plusieurs fichiers" in page
        response = client.post(
            url, form_data(centre, attachments=[pdf(f"f{n}.pdf") for n in range(11)])
        )
        assert "Joignez au plus 10 fichiers." in html.unescape(response.content.decode())
    finally:
        translation.activate("en")
    assert not LessonLearned.objects.exists()
