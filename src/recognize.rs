//! The recognizer: text in, the document's locale profile and its numbers out.

use crate::lex;
use crate::locale::{Profile, Setting};
use crate::quantity::{self, Quantity};

/// What the recognizer found in one text.
#[derive(Debug, Clone)]
pub struct Recognition {
    pub profile: Profile,
    pub quantities: Vec<Quantity>,
}

/// Finds and reads every number in `text` under the `--locale` setting.
pub fn recognize(text: &str, setting: Setting) -> Recognition {
    let profile = Profile::infer(text, setting);
    let found = lex::scan(text, &profile);
    let quantities = quantity::refine(text, found);
    Recognition {
        profile,
        quantities,
    }
}
