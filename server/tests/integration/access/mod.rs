//! Sign-in, roles and scopes, the audit log and the security baseline (issue 4).

mod audit;
mod baseline;
mod matrix;
mod sign_in;
mod stress;
mod user_cli;
mod world;
