"""The one upload policy: each kind keeps the limits and wording its app had."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance.core.states import TransitionRefused
from alliance.core.uploads import UploadValidator, check_upload, validate_upload

MB = 1024 * 1024


def refusal(upload, kind) -> str:
    with pytest.raises(ValidationError) as refused:
        check_upload(upload, kind)
    return refused.value.messages[0]


def big(name, size, head=b""):
    return SimpleUploadedFile(name, head + b"x" * (size - len(head)))


def test_documents_take_office_formats_up_to_10_mb_and_pdfs_must_be_pdfs():
    check_upload(SimpleUploadedFile("notes.csv", b"a,b"), "document")
    check_upload(big("plan.pdf", 10 * MB, b"%PDF-1.7"), "document")
    assert refusal(SimpleUploadedFile("run.exe", b"MZ"), "document") == (
        "File extension “exe” is not allowed. Allowed extensions are: "
        "pdf, docx, xlsx, pptx, odt, ods, odp, csv, txt, png, jpg."
    )
    assert refusal(big("plan.pdf", 10 * MB + 1, b"%PDF-"), "document") == (
        "The file is larger than 10 MB. Send a smaller file."
    )
    assert refusal(SimpleUploadedFile("plan.pdf", b"MZ not a pdf"), "document") == (
        "This file is not a PDF."
    )


def test_application_documents_are_sniffed_whatever_their_type():
    check_upload(SimpleUploadedFile("budget.xlsx", b"PK\x03\x04rest"), "application")
    assert refusal(SimpleUploadedFile("notes.txt", b"hello"), "application") == (
        "The file must be one of these types: DOCX, JPEG, JPG, ODS, ODT, PDF, PNG, XLSX."
    )
    assert refusal(big("a.pdf", 10 * MB + 1, b"%PDF"), "application") == (
        "The file must be smaller than 10 MB."
    )
    assert refusal(SimpleUploadedFile("photo.png", b"GIF89a"), "application") == (
        "The file's content does not match its type (.png)."
    )


def test_board_cvs_and_papers_keep_their_own_limits():
    check_upload(big("cv.docx", 5 * MB), "cv")
    assert refusal(big("cv.pdf", 5 * MB + 1), "cv") == "The CV must be 5 MB or smaller."
    assert refusal(SimpleUploadedFile("cv.png", b"x"), "cv") == (
        "The CV must be a PDF or Word document."
    )
    check_upload(big("plan.txt", 20 * MB), "paper")
    assert refusal(big("plan.txt", 20 * MB + 1), "paper") == "The file must be 20 MB or smaller."
    assert refusal(SimpleUploadedFile("plan.zip", b"x"), "paper") == (
        "This type of file is not accepted."
    )


def test_a_name_too_long_to_store_is_refused_for_every_kind():
    long_ascii = SimpleUploadedFile("a" * 97 + ".pdf", b"%PDF-1.7")
    wide = SimpleUploadedFile("文" * 70 + ".pdf", b"%PDF-1.7")  # 70 letters, 214 bytes
    for upload in (long_ascii, wide):
        assert refusal(upload, "document") == (
            "The file name is too long. Rename the file with a shorter name and upload it again."
        )
    check_upload(SimpleUploadedFile("a" * 96 + ".pdf", b"%PDF-1.7"), "document")


def test_services_get_the_same_checks_as_a_refused_transition():
    with pytest.raises(TransitionRefused) as refused:
        validate_upload(SimpleUploadedFile("plan.zip", b"x"), "paper")
    assert (refused.value.code, refused.value.reason) == (
        "bad_file",
        "This type of file is not accepted.",
    )


def test_an_unknown_kind_is_a_programming_error():
    with pytest.raises(ValueError):
        UploadValidator("photo")
