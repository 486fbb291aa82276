from django.contrib import admin

from .models import ExpressionOfInterest, JointDeclaration, PreliminaryAssessment


@admin.register(ExpressionOfInterest)
class ExpressionOfInterestAdmin(admin.ModelAdmin):
    list_display = ["organisation", "status", "submitted_at", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["organisation", "created_by"]


@admin.register(PreliminaryAssessment)
class PreliminaryAssessmentAdmin(admin.ModelAdmin):
    list_display = ["organisation", "status", "submitted_at", "completed_at"]
    list_filter = ["status"]
    raw_id_fields = ["organisation", "expression", "reviewer"]


@admin.register(JointDeclaration)
class JointDeclarationAdmin(admin.ModelAdmin):
    list_display = ["organisation", "centre_type", "status", "signed_at", "countersigned_at"]
    list_filter = ["status"]
    raw_id_fields = ["organisation", "assessment", "drafted_by", "signed_by", "countersigned_by"]
    readonly_fields = ["sha256", "document"]

    def has_change_permission(self, request, obj=None):
        # A countersigned declaration is final: its PDF and fingerprint must match.
        if obj is not None and obj.in_force:
            return False
        return super().has_change_permission(request, obj)
