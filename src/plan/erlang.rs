//! Analytic Erlang C (M/M/n) and Erlang A (M/M/n+M) figures.
