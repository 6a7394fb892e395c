//! Random-number streams. Each replication gets its own independent streams derived from the
//! run seed, one per purpose and channel, so two variants of a model see the same callers
//! (common random numbers) and a change to one mechanism does not reshuffle another.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

/// The generator used for every stream: fast, small and reproducible across platforms.
pub type Rng = Pcg64Mcg;

/// What a stream is used for. The discriminant is part of the stream's identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u64)]
pub enum Purpose {
    /// Arrival times of new contacts (per channel).
    Arrivals = 1,
    /// Day-to-day demand multipliers (per channel).
    Demand = 2,
    /// Talk and wrap-up times (per channel).
    Handling = 3,
    /// Caller patience (per channel).
    Patience = 4,
    /// Whether an abandoned caller redials, and after how long (per channel).
    Behaviour = 5,
    /// Staff absence (shrinkage), one stream per group so that one group's absences never
    /// shift another's.
    Roster = 6,
    /// Which contacts are harrowing (per channel).
    Harrowing = 7,
    /// Workforce over months: leavers, recruits' vetting and drop-out.
    Workforce = 8,
    /// Call-back take-up and success (per channel), apart from redials so that switching
    /// call-back on or off leaves every redial draw where it was.
    Callback = 9,
}

/// Stream index offset for the draws of redialled contacts: a redial is a new contact, and its
/// handling, patience and choices come from streams of their own, so that more or fewer redials
/// never shift the draws of first-time callers.
const REDIAL_INDEX: usize = 1 << 20;

/// The draws made for each contact on one channel, one stream per mechanism. A stream is drawn
/// from only when its mechanism is on; because no two mechanisms share one, switching one on or
/// off never moves another's draws (common random numbers).
#[derive(Debug, Clone)]
pub struct ContactStreams {
    /// Talk and wrap-up times.
    pub handling: Rng,
    /// Patience.
    pub patience: Rng,
    /// Call-back take-up and success.
    pub callback: Rng,
    /// Redial choice and delay.
    pub redial: Rng,
    /// Whether the contact is harrowing.
    pub harrowing: Rng,
}

impl ContactStreams {
    /// The streams for first-time contacts (`redials` false) or for redials on `channel`.
    pub fn new(seed: u64, replication: u32, channel: usize, redials: bool) -> Self {
        let index = if redials {
            channel + REDIAL_INDEX
        } else {
            channel
        };
        let s = |p| stream(seed, replication, p, index);
        ContactStreams {
            handling: s(Purpose::Handling),
            patience: s(Purpose::Patience),
            callback: s(Purpose::Callback),
            redial: s(Purpose::Behaviour),
            harrowing: s(Purpose::Harrowing),
        }
    }
}

/// SplitMix64 finaliser: a strong 64-bit mixer.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The stream for (seed, replication, purpose, index). Independent of thread count and order.
pub fn stream(seed: u64, replication: u32, purpose: Purpose, index: usize) -> Rng {
    let a = mix(seed ^ mix(replication as u64 + 1));
    let b = mix(a ^ mix((purpose as u64) << 32 | index as u64));
    let c = mix(b ^ 0xD6E8_FEB8_6659_FD93);
    Rng::seed_from_u64(((b as u128) << 64 | c as u128) as u64 ^ b.rotate_left(17))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng as _;

    #[test]
    fn streams_differ_by_every_key_and_repeat_for_the_same_key() {
        let draw = |s: u64, r: u32, p: Purpose, i: usize| stream(s, r, p, i).random::<u64>();
        let base = draw(1, 0, Purpose::Arrivals, 0);
        assert_eq!(base, draw(1, 0, Purpose::Arrivals, 0));
        assert_ne!(base, draw(2, 0, Purpose::Arrivals, 0));
        assert_ne!(base, draw(1, 1, Purpose::Arrivals, 0));
        assert_ne!(base, draw(1, 0, Purpose::Handling, 0));
        assert_ne!(base, draw(1, 0, Purpose::Arrivals, 1));
    }
}
