<p>Hello {{ name }},</p>
<p>In “{{ workspace }}” the week of {{ week_start }} to {{ week_end }}: <strong>{{ total }}</strong> spent in {{ count }} expenses.</p>
{% if categories %}<ul>{% for row in categories %}<li>{{ row.name }}: {{ row.amount }}</li>{% endfor %}</ul>{% endif %}
{% if budgets %}<ul>{% for budget in budgets %}<li>Budget {{ budget.name }}: {{ budget.spent }} of {{ budget.limit }} ({{ budget.percent }})</li>{% endfor %}</ul>{% endif %}
<p><a href="{{ link }}">Open the dashboard</a></p>
<p>You asked for this weekly summary. <a href="{{ settings_link }}">Turn it off</a>.</p>
