//! The rules' typed settings, set with `--set RULE.KEY=VALUE` (`recount rule ID` lists a rule's
//! keys).

use super::rules::{debit, grim, p_value};

/// Every rule's settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    pub p_value: p_value::Settings,
    pub grim: grim::Settings,
    pub grimmer: grim::Settings,
    pub debit: debit::Settings,
}

/// The rules that have settings.
pub const RULES: &[&str] = &["p-value", "grim", "grimmer", "debit"];

impl Settings {
    /// Applies one `RULE.KEY=VALUE`, or says what is wrong with it.
    pub fn set(&mut self, spec: &str) -> Result<(), String> {
        let (path, value) = spec.split_once('=').ok_or_else(|| {
            format!("\"{spec}\": expected RULE.KEY=VALUE, like p-value.alpha=0.01")
        })?;
        let (rule, key) = path.trim().split_once('.').ok_or_else(|| {
            format!("\"{spec}\": expected RULE.KEY=VALUE, like p-value.alpha=0.01")
        })?;
        let r = match rule {
            "p-value" => self.p_value.set(key.trim(), value),
            "grim" => self.grim.set(key.trim(), value),
            "grimmer" => self.grimmer.set(key.trim(), value),
            "debit" => self.debit.set(key.trim(), value),
            _ => Err(format!(
                "no rule \"{rule}\" has settings (these do: {})",
                RULES.join(", ")
            )),
        };
        r.map_err(|e| format!("{}: {e}", path.trim()))
    }
}
