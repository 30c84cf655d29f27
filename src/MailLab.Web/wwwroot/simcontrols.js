// Simulation mode's controls (Packet Tracer style): step one timer, play and pause at a chosen
// speed, advance the clock by a chosen duration; and reset the world (in either mode).
import { api, $ } from "./dom.js";

const UNITS = { M: (n) => `PT${n}M`, H: (n) => `PT${n}H`, D: (n) => `P${n}D` };

/** The ISO 8601 duration for amount and unit (M minutes, H hours, D days), or null when amount is not a positive whole number. */
export function isoDuration(amount, unit) {
  const n = Number(amount);
  if (!Number.isInteger(n) || n < 1 || !UNITS[unit]) {
    return null;
  }
  return UNITS[unit](n);
}

/**
 * Wires the controls. hooks: { onClock(clock), onError(error|null), onReset(clock), invalidDuration() }.
 */
export function initSimControls(hooks) {
  let playing = 0;      // the timer of the next step while playing, 0 when paused
  let inFlight = null;  // the step request under way, if any

  const act = async (path) => {
    try {
      const clock = await api(path, { method: "POST" });
      hooks.onError(null);
      hooks.onClock(clock);
      return clock;
    } catch (error) {
      hooks.onError(error);
      return null;
    }
  };

  // Play comes back only once a step already sent has landed: what the page shows after Pause is
  // then final, and a quick Play cannot start a second loop beside the one still awaiting its step.
  const pause = async () => {
    clearTimeout(playing);
    playing = 0;
    $("sim-pause").disabled = true;
    if (inFlight) {
      await inFlight;
    }
    if (!playing) {
      $("sim-play").disabled = false;
    }
  };

  const tick = async () => {
    inFlight = act("/clock/step");
    const clock = await inFlight;
    inFlight = null;
    if (!playing) {
      return;
    }
    if (!clock || clock.stepped === false) {
      pause();
      return;
    }
    playing = setTimeout(tick, 1000 / Number($("sim-speed").value));
  };

  $("clock-step").addEventListener("click", () => act("/clock/step"));
  $("sim-play").addEventListener("click", () => {
    if (playing) {
      return;
    }
    $("sim-play").disabled = true;
    $("sim-pause").disabled = false;
    playing = setTimeout(tick, 0);
  });
  $("sim-pause").addEventListener("click", pause);
  $("clock-advance").addEventListener("click", () => {
    const duration = isoDuration($("advance-amount").value, $("advance-unit").value);
    if (!duration) {
      hooks.invalidDuration();
      return;
    }
    act(`/clock/advance?by=${duration}`);
  });
  $("world-reset").addEventListener("click", async () => {
    await pause();
    const clock = await act("/world/reset");
    if (clock) {
      hooks.onReset(clock);
    }
  });
  pause();
}

/** Shows the stepping controls only in simulation mode. */
export function showSimControls(simulate) {
  $("sim").hidden = !simulate;
}
