/**
 * A small seeded pseudo-random number generator for the synthetic sample panel: mulberry32
 * (32-bit state, period 2^32) for uniforms and Box–Muller for standard normals. Every draw
 * is a pure function of the seed, so the generator writes the same bytes on every run (no
 * Math.random anywhere).
 *
 * Each component of the data-generating process draws from its own named stream
 * (`Rng.stream(seed, "digit")`), so changing one component leaves the others' draws intact.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** An independent stream for a named component: the seed mixed with the FNV-1a hash of the name. */
  static stream(seed: number, name: string): Rng {
    let h = 0x811c9dc5;
    for (let i = 0; i < name.length; i++) {
      h ^= name.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return new Rng((h ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0);
  }

  /** Uniform on [0, 1) (mulberry32). */
  uniform(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Standard normal by Box–Muller (one value per call; the sine branch is discarded). */
  normal(): number {
    const u1 = 1 - this.uniform(); // (0, 1]
    const u2 = this.uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}

/** Logistic function 1 / (1 + e^(−x)). */
export const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

/** Clamp x into [lo, hi]. */
export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
