//! Integration tests through the real router, on every database engine available: SQLite
//! always, PostgreSQL at 127.0.0.1:5432 (required when `CI=true`).

mod access;
mod demo;
mod generate;
mod health;
mod intake;
mod language;
mod merit_index;
mod merit_results;
mod methodology;
mod schema;
mod scoring;
mod seed;
mod support;
