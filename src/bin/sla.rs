//! `sla`: the engine on the command line. See `sla help`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let status = sla::cli::run(&args, &mut stdin.lock(), &mut out, &mut std::io::stderr());
    drop(out);
    std::process::exit(status);
}
