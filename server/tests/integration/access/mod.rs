//! Sign-in, roles and scopes, the audit log and the security baseline (issue 4), and the
//! ASN self-service writes with the people who must not make them (issue 6).

mod answers;
mod audit;
mod baseline;
mod calibration;
mod canary;
mod forms;
mod hostile_text;
mod malformed;
mod matrix;
mod public_picture;
mod self_service;
mod sign_in;
mod stress;
mod talent_pool;
mod user_cli;
mod world;
