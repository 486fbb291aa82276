from django.contrib import admin

from .models import CooperationAgreement, Project, TechnicalAssistanceRequest


@admin.register(TechnicalAssistanceRequest)
class TechnicalAssistanceRequestAdmin(admin.ModelAdmin):
    list_display = ["organisation", "kind", "urgency", "status", "created_at"]
    list_filter = ["status", "kind", "urgency"]
    raw_id_fields = ["organisation", "requested_by", "assessment", "assigned_to"]


@admin.register(CooperationAgreement)
class CooperationAgreementAdmin(admin.ModelAdmin):
    list_display = ["title", "host_organisation", "centre", "status", "start_date", "end_date"]
    list_filter = ["status"]
    raw_id_fields = ["host_organisation", "centre", "created_by"]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["title", "agreement", "status", "budget_usd", "start_date", "end_date"]
    list_filter = ["status"]
    raw_id_fields = ["agreement"]
