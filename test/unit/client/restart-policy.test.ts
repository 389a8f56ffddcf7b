import { strict as assert } from 'assert';
import { MAX_RESTARTS, RestartPolicy, RESTART_WINDOW_MS } from 'rubric-studio-client/out/restart-policy';

describe('restart policy of the VS Code client', () => {
  it('restarts a crashing server five times within three minutes, then gives up', () => {
    const policy = new RestartPolicy();
    const answers = Array.from({ length: MAX_RESTARTS + 1 }, (_, i) => policy.shouldRestart(i * 1000));
    assert.deepEqual(answers, [true, true, true, true, true, false]);
  });

  it('forgets crashes older than the window', () => {
    const policy = new RestartPolicy();
    for (let i = 0; i < MAX_RESTARTS; i++) assert.equal(policy.shouldRestart(i), true);
    // The five crashes are all more than three minutes old by now.
    assert.equal(policy.shouldRestart(RESTART_WINDOW_MS + MAX_RESTARTS), true);
  });

  it('starts counting afresh after giving up (the person restarted it by hand)', () => {
    const policy = new RestartPolicy();
    for (let i = 0; i <= MAX_RESTARTS; i++) policy.shouldRestart(i);
    assert.equal(policy.shouldRestart(MAX_RESTARTS + 1), true);
  });

  it('forgets every crash when the person restarts the server by hand', () => {
    const policy = new RestartPolicy();
    for (let i = 0; i < MAX_RESTARTS; i++) policy.shouldRestart(i);
    policy.reset();
    // Without the reset this sixth crash within the window would give up.
    const answers = Array.from({ length: MAX_RESTARTS }, (_, i) => policy.shouldRestart(MAX_RESTARTS + i));
    assert.deepEqual(answers, [true, true, true, true, true]);
  });
});
