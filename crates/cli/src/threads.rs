//! Whether a command's work is worth rayon's thread pool. Starting the pool (a thread per core,
//! each with its own allocator arena) costs about a millisecond and a hundred page faults: more
//! than a handful of small files takes to read, parse and check on the thread that is already
//! running. A large workspace gets the pool as before.

/// Below this many bytes of `.ftl` text, `check` runs on one thread. Measured on the 2-core
/// machine of BENCHMARKS.md, copies of the sample workspace with 1 to 16 releases: one thread
/// was faster at 34 KB (8 files), the pool from 60 KB (12 files) on.
pub const ONE_THREAD_BELOW: u64 = 48 * 1024;

/// Makes rayon's global pool the calling thread alone: every parallel iterator afterwards runs
/// here, one item after another, and no thread is started. Only the first configuration of the
/// pool in a process takes effect; were it already started, the work simply runs there.
pub fn stay_on_this_thread() {
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .use_current_thread()
        .build_global();
}
