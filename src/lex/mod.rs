//! Lexing: finds every number in a text and reads it with nom parsers.
pub mod affix;
pub mod dates;
pub mod numeral;
pub mod spelled;
pub mod words_de;
pub mod words_en;
