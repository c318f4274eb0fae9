Hello {{ name }},

{{ title }} in "{{ workspace }}".

{{ body }}

See your budgets: {{ link }}

You get this mail because budget alerts are on for you in this workspace. Turn them off under Notifications: {{ settings_link }}
