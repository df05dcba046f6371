package io.github.secretbaker.benchmarks.lambda;

/**
 * One emulated SnapStart restore of the function with
 * {@code secret-baker.snapshot=after-restore}: AWS's runtime interface client ran the
 * checkpoint hooks at the end of init, the local Runtime API answered its
 * {@code restore/next} at once, and the restore hooks decrypted every secret before the
 * runtime asked for its first event.
 *
 * @param memoryMb the memory size, which set the CPU quota
 * @param secrets the number of secrets N
 * @param round the round, from 0
 * @param initMillis from the process start to {@code restore/next}, the checkpoint
 * @param restoreMillis from the restore to the runtime's first {@code next}, every secret
 * decrypted
 * @since 0.1.0
 */
public record SnapStartSample(int memoryMb, int secrets, int round, double initMillis, double restoreMillis) {

}
