mod assistant_phrasings;
mod splits;
