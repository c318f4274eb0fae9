mod splits;
