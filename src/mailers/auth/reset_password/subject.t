Reset your SmartExpense password
