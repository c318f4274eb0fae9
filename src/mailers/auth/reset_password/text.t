Hello {{ name }},

Someone asked to reset the password of your SmartExpense account. To choose a new password, open this link:

{{ link }}

The link works once, for 30 minutes. If it was not you, ignore this mail; your password stays as it is.
