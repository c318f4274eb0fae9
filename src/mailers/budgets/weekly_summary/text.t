Hello {{ name }},

In "{{ workspace }}" the week of {{ week_start }} to {{ week_end }}: {{ total }} spent in {{ count }} expenses.
{% for row in categories %}
- {{ row.name }}: {{ row.amount }}{% endfor %}
{% for budget in budgets %}
Budget {{ budget.name }}: {{ budget.spent }} of {{ budget.limit }} ({{ budget.percent }}){% endfor %}

Dashboard: {{ link }}

You asked for this weekly summary. Turn it off under Notifications: {{ settings_link }}
