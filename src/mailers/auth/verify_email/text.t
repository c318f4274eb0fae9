Hello {{ name }},

Welcome to SmartExpense. Please confirm your email address by opening this link:

{{ link }}

The link works for 48 hours. If you did not sign up, you can ignore this mail.
