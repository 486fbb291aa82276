"""A paginator for lists that grow without end (the audit log): it counts no further than
it lets anyone page.

Django's Paginator counts every matching row to print "Page 1 of 4,000". On the audit log
of a ten-year alliance (200,000 events and more every day) that count was the page's
costliest query, a third of its time on PostgreSQL, for a figure nobody pages through:
people filter by date or actor instead. This counts at most `cap` rows (one bounded
query, the index's first rows) and says when there are more.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, cap: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def _counted(self) -> int:
        # COUNT(*) over `SELECT ... LIMIT cap + 1`: stops at the cap whatever the volume.
        # The order does not change how many rows there are, and dropping it lets the
        # database stop at the first cap + 1 rows it finds rather than sort them.
        return self.object_list.order_by()[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.cap)

    @property
    def more(self) -> bool:
        """More rows match than can be paged through."""
        return self._counted > self.cap
