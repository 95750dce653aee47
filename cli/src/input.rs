//! Inputs of the command line: files and folders named on it, read as bytes; a disclosure read
//! from them whatever they are (PDF or text, told from the bytes by `yusuan::read`).

use std::path::{Path, PathBuf};

/// One input: a file, standard input (`-`), or the embedded sample.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input {
    File(PathBuf),
    Stdin,
    Sample,
}

impl Input {
    /// The name shown for it.
    pub(crate) fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".to_owned(),
            Input::Sample => crate::SAMPLE_NAME.to_owned(),
        }
    }

    /// Its bytes.
    pub(crate) fn load(&self) -> Result<Vec<u8>, String> {
        match self {
            Input::File(p) => std::fs::read(p).map_err(|e| format!("{}: {e}", p.display())),
            Input::Stdin => {
                let mut buf = Vec::new();
                std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
                    .map_err(|e| format!("<stdin>: {e}"))?;
                Ok(buf)
            }
            Input::Sample => Ok(crate::SAMPLE.as_bytes().to_vec()),
        }
    }
}

/// Whether a file found in a folder is a disclosure to check (`.pdf`, `.txt`, any case).
fn wanted(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf") || e.eq_ignore_ascii_case("txt"))
}

/// The inputs named: files as given, folders walked (recursively, in name order) for `.pdf`
/// and `.txt` files, `-` for standard input; none: the embedded sample. A name that does not
/// exist is an error of its own (reported, and the others still checked).
pub(crate) fn expand(paths: &[PathBuf]) -> Vec<Result<Input, String>> {
    if paths.is_empty() {
        return vec![Ok(Input::Sample)];
    }
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
        } else if p.is_dir() {
            let before = out.len();
            walk(p, &mut out, 0);
            if out.len() == before {
                out.push(Err(format!(
                    "{}: the folder holds no .pdf or .txt file",
                    p.display()
                )));
            }
        } else {
            out.push(Ok(Input::File(p.clone())));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<Input, String>>, depth: usize) {
    // a link loop cannot make this endless
    if depth > 32 {
        return;
    }
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            out.push(Err(format!("{}: {e}", dir.display())));
            return;
        }
    };
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out, depth + 1);
        } else if wanted(&path) {
            out.push(Ok(Input::File(path)));
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_for_pdf_and_txt() {
        let dir = std::env::temp_dir().join(format!("yusuan-input-{}", std::process::id()));
        let sub = dir.join("b");
        std::fs::create_dir_all(&sub).unwrap();
        for f in ["a.PDF", "b/c.txt", "b/skip.json", "z.txt"] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        let got: Vec<String> = expand(std::slice::from_ref(&dir))
            .into_iter()
            .map(|i| i.unwrap().name())
            .collect();
        let names: Vec<String> = ["a.PDF", "b/c.txt", "z.txt"]
            .iter()
            .map(|f| dir.join(f).display().to_string())
            .collect();
        assert_eq!(got, names);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
