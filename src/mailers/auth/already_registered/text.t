Hello {{ name }},

Someone, perhaps you, tried to create a SmartExpense account with this address. It has an account already, so nothing was created or changed.

To log in: {{ login }}
Forgot your password? Choose a new one: {{ forgot }}

If it was not you, you can ignore this mail.
