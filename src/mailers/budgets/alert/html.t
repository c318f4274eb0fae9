<p>Hello {{ name }},</p>
<p><strong>{{ title }}</strong> in “{{ workspace }}”.</p>
<p>{{ body }}</p>
<p><a href="{{ link }}">See your budgets</a></p>
<p>You get this mail because budget alerts are on for you in this workspace. <a href="{{ settings_link }}">Turn them off</a>.</p>
