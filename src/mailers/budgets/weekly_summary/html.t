<p>{{ t(key="mail-hello", name=name) }}</p>
<p>{{ t(key="mail-week-html", workspace=workspace | escape, start=week_start | day, end=week_end | day, total=total | money, count=count) | safe }}</p>
{% if categories %}<ul>{% for row in categories %}<li>{% if row.name %}{{ row.name }}{% else %}{{ t(key="mail-week-uncategorised") }}{% endif %}: {{ row.amount | money }}</li>{% endfor %}</ul>{% endif %}
{% if budgets %}<ul>{% for budget in budgets %}{% if budget.over %}{% set p = t(key="mail-week-over") %}{% else %}{% set p = t(key="mail-week-percent", percent=budget.percent | money) %}{% endif %}<li>{{ t(key="mail-week-budget", name=budget.name, spent=budget.spent | money, limit=budget.limit | money, percent=p) }}</li>{% endfor %}</ul>{% endif %}
<p><a href="{{ link }}">{{ t(key="mail-week-dashboard") }}</a></p>
<p>{{ t(key="mail-week-why-html") }} <a href="{{ settings_link }}">{{ t(key="mail-week-off") }}</a>.</p>
