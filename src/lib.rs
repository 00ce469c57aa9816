//! recount: finds the numbers and numeric claims in a text and re-derives what it states.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod lex;
pub mod locale;
pub mod quantity;
pub mod recognize;
pub mod report;
pub mod source;

pub use recognize::{Recognition, recognize};
pub mod check;
pub mod claims;
