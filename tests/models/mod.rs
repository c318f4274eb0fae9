mod assistant_phrasings;
mod operations;
mod splits;
