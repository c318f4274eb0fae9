{{ t(key="mail-hello", name=name) }}

{{ t(key="mail-week-text", workspace=workspace, start=week_start | day, end=week_end | day, total=total | money, count=count) }}
{% for row in categories %}
- {% if row.name %}{{ row.name }}{% else %}{{ t(key="mail-week-uncategorised") }}{% endif %}: {{ row.amount | money }}{% endfor %}
{% for budget in budgets %}{% if budget.over %}{% set p = t(key="mail-week-over") %}{% else %}{% set p = t(key="mail-week-percent", percent=budget.percent | money) %}{% endif %}
{{ t(key="mail-week-budget", name=budget.name, spent=budget.spent | money, limit=budget.limit | money, percent=p) }}{% endfor %}

{{ t(key="mail-week-dashboard-text", link=link) }}

{{ t(key="mail-week-why-text", link=settings_link) }}
