Hello {{ name }},

You asked to use {{ new_email }} for your SmartExpense account. To confirm, open this link:

{{ link }}

Until you do, your account keeps its current address. The link works for 48 hours.
