from django.contrib import admin

from .models import (
    CentreIndicator,
    CentreReport,
    Indicator,
    LessonAttachment,
    LessonLearned,
    ReportingSchedule,
)


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "objective", "unit", "direction", "active"]
    list_filter = ["objective", "unit", "active"]
    search_fields = ["code", "name"]


@admin.register(CentreIndicator)
class CentreIndicatorAdmin(admin.ModelAdmin):
    list_display = ["centre", "indicator", "baseline", "target", "target_year"]
    raw_id_fields = ["centre", "indicator"]


@admin.register(ReportingSchedule)
class ReportingScheduleAdmin(admin.ModelAdmin):
    list_display = ["centre", "period_months", "first_period_start", "due_days"]
    raw_id_fields = ["centre"]


@admin.register(CentreReport)
class CentreReportAdmin(admin.ModelAdmin):
    # Reports change only through the services (transitions, audit); the admin reads.
    list_display = ["centre", "period", "status", "due_date", "first_submitted_at"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in CentreReport._meta.fields]

    def has_add_permission(self, request):
        return False


class LessonAttachmentInline(admin.TabularInline):
    model = LessonAttachment
    extra = 0
    raw_id_fields = ["uploaded_by"]


@admin.register(LessonLearned)
class LessonLearnedAdmin(admin.ModelAdmin):
    inlines = [LessonAttachmentInline]
    list_display = ["title", "objective", "region", "language", "status", "published_at"]
    list_filter = ["status", "language", "objective"]
    raw_id_fields = ["centre", "author"]
