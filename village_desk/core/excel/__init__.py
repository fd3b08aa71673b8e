"""Excel exchange with the township: ledger workbook out, household roster in.

* :mod:`.ledger_export` writes the ledger workbook (民情台账, 逾期事项, 走访记录,
  联系户花名册, 干部走访统计, 结对检查, 统计汇总, 公开承诺, 会议记录, 矛盾纠纷,
  干部考核; at a township office also 各村汇总) for a period, streaming with
  openpyxl's write-only mode; :mod:`.ledger_data` gathers its rows and
  statistics.
* :mod:`.roster_import` reads a household roster (花名册, .xlsx/.xls/.ods via
  python-calamine), plans it row by row (dry run) and applies it in one
  journaled transaction; :mod:`.roster_read` finds headers and maps columns,
  :mod:`.roster_values` cleans the messy values real files contain.

No Qt here: the long functions take a :class:`~village_desk.core.jobs.Job`
for progress and cancellation; the GUI runs them in a worker.
"""

from .period import Period, parse_period

__all__ = ["Period", "parse_period"]
