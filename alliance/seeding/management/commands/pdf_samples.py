"""Render each kind of PDF in each UI language from the demo data, and page 1 of each as PNG.

`make pdf-samples` runs it after `make demo`; the files land in var/samples/ for a human to
look at (Arabic set right to left, no missing-glyph boxes) and to quote sizes from.
"""

import shutil
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from alliance.centres.certificates import certificate_pdf
from alliance.centres.models import Accreditation
from alliance.joining.models import JointDeclaration, PreliminaryAssessment
from alliance.joining.pdf import assessment_pdf, declaration_copy_pdf, declaration_pdf
from alliance.joining.states import AssessmentStatus, DeclarationStatus

LANGUAGES = ["en", "fr", "ar", "zh-hans"]


class Command(BaseCommand):
    help = "Write sample PDFs and PNGs of page 1 into var/samples/ (from the demo data)."

    def add_arguments(self, parser):
        parser.add_argument("--out", default=str(Path(settings.BASE_DIR, "var", "samples")))
        parser.add_argument("--dpi", type=int, default=60)

    def handle(self, *args, out, dpi, **options):
        accreditation = Accreditation.objects.select_related("centre", "centre_type").first()
        assessment = (
            PreliminaryAssessment.objects.exclude(status=AssessmentStatus.DRAFT)
            .select_related("organisation")
            .first()
        )
        declaration = JointDeclaration.objects.filter(status=DeclarationStatus.IN_FORCE).first()
        if not (accreditation and assessment):
            raise CommandError("No demo data: run `make demo` first.")
        out_dir = Path(out)
        out_dir.mkdir(parents=True, exist_ok=True)
        documents = {}
        for language in LANGUAGES:
            documents[f"certificate-{language}"] = certificate_pdf(accreditation, language)
            documents[f"assessment-{language}"] = assessment_pdf(assessment, language)
            if declaration:
                documents[f"declaration-copy-{language}"] = declaration_copy_pdf(
                    declaration, language
                )
        if declaration:
            documents[f"declaration-original-{declaration.language}"] = declaration_pdf(declaration)
        pdftoppm = shutil.which("pdftoppm")
        for name, content in documents.items():
            pdf_path = out_dir / f"{name}.pdf"
            pdf_path.write_bytes(content)
            line = f"{pdf_path}  {len(content) / 1024:.0f} KB"
            if pdftoppm:
                stem = out_dir / f"{name}-page1"
                subprocess.run(
                    [
                        pdftoppm,
                        "-png",
                        "-r",
                        str(dpi),
                        "-f",
                        "1",
                        "-l",
                        "1",
                        "-singlefile",
                        str(pdf_path),
                        str(stem),
                    ],
                    check=True,
                )
                line += f"  {stem}.png"
            self.stdout.write(line)
        if not pdftoppm:
            self.stderr.write("pdftoppm not found (Debian: poppler-utils): no PNG written.")
