/**
 * A small seedable pseudo-random generator and the distributions Monte Carlo needs.
 * xoshiro128** (Blackman and Vigna) on 32-bit integers keeps it fast without BigInt in the hot path;
 * SplitMix64 spreads any integer seed over its 128-bit state, as the xoshiro authors recommend.
 */

const MASK_64 = (1n << 64n) - 1n;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/**
 * A seeded stream of numbers; the same seed always gives the same stream.
 *
 * @example
 * const random = new Random(42);
 * const u = random.nextOpen(); // 0 < u < 1
 */
export class Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let x = BigInt.asUintN(64, BigInt(Math.trunc(seed)));
    const next = (): bigint => {
      x = (x + 0x9e3779b97f4a7c15n) & MASK_64;
      let z = x;
      z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
      z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
      return z ^ (z >> 31n);
    };
    const a = next();
    const b = next();
    this.s0 = Number(a & 0xffffffffn) | 0;
    this.s1 = Number(a >> 32n) | 0;
    this.s2 = Number(b & 0xffffffffn) | 0;
    this.s3 = Number(b >> 32n) | 0;
    // An all-zero state would only ever give zeros.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /** A uniform number strictly between 0 and 1, with 53 bits of precision. */
  nextOpen(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * TWO_POW_26 + low + 0.5) / TWO_POW_53;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Standard normal cumulative distribution, via a Chebyshev fit of erfc (relative error below 1.2e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

// Acklam's coefficients, as plain constants so the hot path does no array work.
const A0 = -39.69683028665376;
const A1 = 220.9460984245205;
const A2 = -275.9285104469687;
const A3 = 138.357751867269;
const A4 = -30.66479806614716;
const A5 = 2.506628277459239;
const B0 = -54.47609879822406;
const B1 = 161.5858368580409;
const B2 = -155.6989798598866;
const B3 = 66.80131188771972;
const B4 = -13.28068155288572;
const C0 = -0.007784894002430293;
const C1 = -0.3223964580411365;
const C2 = -2.400758277161838;
const C3 = -2.549732539343734;
const C4 = 4.374664141464968;
const C5 = 2.938163982698783;
const D0 = 0.007784695709041462;
const D1 = 0.3224671290700398;
const D2 = 2.445134137142996;
const D3 = 3.754408661907416;
const P_LOW = 0.02425;

/** Inverse of the standard normal distribution (Acklam's rational approximation, relative error 1.15e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) /
      ((((D0 * q + D1) * q + D2) * q + D3) * q + 1)
    );
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return (
      -(((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) /
      ((((D0 * q + D1) * q + D2) * q + D3) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A0 * r + A1) * r + A2) * r + A3) * r + A4) * r + A5) * q) /
    (((((B0 * r + B1) * r + B2) * r + B3) * r + B4) * r + 1)
  );
}

/** Gamma(shape ≥ 1, scale 1) by Marsaglia and Tsang's method. */
export function sampleGamma(random: Random, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalQuantile(random.nextOpen());
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = random.nextOpen();
    const x2 = x * x;
    // Marsaglia and Tsang's squeeze accepts most draws without computing logarithms.
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Distribution type codes for the sampling switch (numbers keep the hot loop monomorphic). */
export const DISTRIBUTION_CODE = { uniform: 0, triangular: 1, 'truncated-normal': 2, pert: 3 } as const;

/**
 * A distribution reduced to numbers. Fields by type — uniform: a=min, b=max; triangular: a=min,
 * b=max, c=mode; truncated normal: a=mean, b=sd, c=Φ(lower), d=Φ(upper), lo/hi=bounds;
 * PERT: a=min, b=max, c=alpha, d=beta, e and f Cheng's constants (0 when his method does not apply).
 */
export interface CompiledDistribution {
  code: number;
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
  lo: number;
  hi: number;
}

const LN_4 = Math.log(4);
const ONE_PLUS_LN_5 = 1 + Math.log(5);

/** Cheng's constants for beta(alpha, beta) when both exceed 1: [B, C]; [0, 0] otherwise. */
export function chengConstants(alpha: number, beta: number): [number, number] {
  const small = Math.min(alpha, beta);
  if (!(small > 1)) return [0, 0];
  const sum = alpha + beta;
  const b = Math.sqrt((sum - 2) / (2 * alpha * beta - sum));
  return [b, small + 1 / b];
}

/**
 * Beta(alpha, beta) for alpha, beta > 1 by Cheng's algorithm BB (1978): one logarithm and one
 * exponential per draw, against four of each for two gamma draws.
 */
function sampleBetaCheng(
  random: Random,
  alpha: number,
  beta: number,
  bConst: number,
  cConst: number,
): number {
  const small = Math.min(alpha, beta);
  const large = Math.max(alpha, beta);
  const sum = alpha + beta;
  for (;;) {
    const u1 = random.nextOpen();
    const u2 = random.nextOpen();
    const v = bConst * Math.log(u1 / (1 - u1));
    const w = small * Math.exp(v);
    const z = u1 * u1 * u2;
    const r = cConst * v - LN_4;
    const s = small + r - w;
    if (s + ONE_PLUS_LN_5 < 5 * z) {
      const t = Math.log(z);
      if (s <= t && r + sum * Math.log(sum / (large + w)) < t) continue;
    }
    return alpha === small ? w / (large + w) : large / (large + w);
  }
}

/** Draw one value. Zero-width distributions return their single value. */
export function sample(random: Random, dist: CompiledDistribution): number {
  switch (dist.code) {
    case 0:
      return dist.a + random.nextOpen() * (dist.b - dist.a);
    case 1: {
      const { a: min, b: max, c: mode } = dist;
      const width = max - min;
      if (width === 0) return min;
      const u = random.nextOpen();
      const split = (mode - min) / width;
      return u < split
        ? min + Math.sqrt(u * width * (mode - min))
        : max - Math.sqrt((1 - u) * width * (max - mode));
    }
    case 2: {
      if (dist.b === 0) return dist.a;
      const u = dist.c + random.nextOpen() * (dist.d - dist.c);
      const x = dist.a + dist.b * normalQuantile(u);
      return Math.min(dist.hi, Math.max(dist.lo, x));
    }
    default: {
      const width = dist.b - dist.a;
      if (width === 0) return dist.a;
      if (dist.e > 0) return dist.a + sampleBetaCheng(random, dist.c, dist.d, dist.e, dist.f) * width;
      const x = sampleGamma(random, dist.c);
      const y = sampleGamma(random, dist.d);
      return dist.a + (x / (x + y)) * width;
    }
  }
}
