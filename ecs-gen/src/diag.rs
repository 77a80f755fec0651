//! Lint diagnostics: `file:line: yaml.path: message`.

use std::fmt;

/// One problem found in the spec.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file, relative to the spec directory's parent (`spec/apis/...`).
    pub file: String,
    /// 1-based line, where it could be found.
    pub line: Option<usize>,
    /// The YAML path of the offending node (`request[3].max`).
    pub path: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: ", self.file, line)?,
            None => write!(f, "{}: ", self.file)?,
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// All the problems found; the generator refuses to emit code while there are any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "error: {d}")?;
        }
        write!(f, "{} error(s)", self.0.len())
    }
}

impl std::error::Error for Diagnostics {}

/// The source text of one file, to point diagnostics at lines.
#[derive(Debug, Clone)]
pub struct Source {
    pub file: String,
    pub text: String,
}

impl Source {
    /// The first line at or after `from` whose text contains `needle` (a heuristic: serde
    /// does not keep node positions, so lint looks the offending key or name up).
    pub fn find_line(&self, needle: &str, from: usize) -> Option<usize> {
        self.text
            .lines()
            .enumerate()
            .skip(from.saturating_sub(1))
            .find(|(_, l)| l.contains(needle))
            .map(|(i, _)| i + 1)
    }

    /// The line of `name: <name>` (a parameter or field declaration), searching from `from`.
    pub fn line_of_name(&self, name: &str, from: usize) -> Option<usize> {
        let plain = format!("name: {name}");
        self.text
            .lines()
            .enumerate()
            .skip(from.saturating_sub(1))
            .find(|(_, l)| {
                let t = l.trim_start().trim_start_matches("- ").trim();
                t == plain
                    || t == format!("name: \"{name}\"")
                    || t == format!("name: '{name}'")
                    || t.starts_with(&format!("{plain},"))
                    || l.contains(&format!("{{ name: {name},"))
                    || l.contains(&format!("{{name: {name},"))
            })
            .map(|(i, _)| i + 1)
    }

    pub fn diag(
        &self,
        line: Option<usize>,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            file: self.file.clone(),
            line,
            path: path.into(),
            message: message.into(),
        }
    }
}
