//! The closed vocabulary the value recognizers react to: number words, months,
//! weekdays, time units, relative words, modifiers, currencies and units, each
//! with its meaning(s).
//!
//! Lookup is case-insensitive on ASCII words of at most [`MAX_WORD`] bytes. The
//! table is an open-addressing hash index built once; looking a word up costs a
//! hash of two integer loads and usually one comparison of a stored tag (and of
//! the word on a hit), which is what lets the recognizers skip the ~90% of news
//! tokens that are none of these.

use std::sync::OnceLock;

/// Longest word in the table, in bytes; longer tokens are rejected unhashed.
pub(crate) const MAX_WORD: usize = 24;

/// A time unit, as in durations and relative dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum TimeUnit {
    Second,
    Minute,
    Hour,
    Day,
    /// "two nights" (a day for duration purposes).
    Night,
    Week,
    /// Saturday and Sunday.
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A part of the day, with its TIMEX3 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
    Daytime,
}

/// Words that point backwards, at the present, or forwards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rel {
    /// last, previous, preceding: the one before this one ("last week", "last Monday"
    /// = Monday of last week).
    Last,
    /// past: the most recent one ("past Wednesday", "this past Wednesday").
    Past,
    /// this, current.
    This,
    /// next, following: the one after this one ("next Friday" = Friday of next week).
    Next,
    /// coming, upcoming: the nearest one ahead ("coming Thursday").
    Coming,
}

/// Function words and other cue words the grammars test for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kw {
    The,
    A,
    And,
    To,
    Through,
    Until,
    Between,
    From,
    Of,
    In,
    On,
    At,
    By,
    Since,
    Ago,
    Later,
    Earlier,
    Before,
    After,
    Every,
    Each,
    Per,
    Once,
    Twice,
    Half,
    Few,
    Several,
    Couple,
    Some,
    Mid,
    Early,
    Late,
    Beginning,
    Start,
    End,
    Middle,
    OClock,
    Past,
    Or,
    More,
    Less,
    Fewer,
    Over,
    Under,
    Above,
    Below,
    Least,
    Most,
    Up,
    About,
    Nearly,
    Within,
    Year,
    Week,
    Point,
    Minus,
    Dozen,
    Now,
    Hence,
    Other,
    Day,
    Then,
    Weekday,
    All,
    Whole,
    Next,
    Quarter,
    For,
    Than,
    Cent,
    Times,
    Out,
    /// The first word of a multi-word holiday name.
    HolidayStart,
    /// A cue word matched by its spelling ("no", "just", "as", "fiscal").
    Cue,
}

/// One meaning of a word. A word may have several ("second", "quarter", "may").
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Sense {
    /// zero … nineteen, twenty … ninety.
    Card(u32),
    /// hundred (2), thousand (3), million (6), billion (9), trillion (12): the power of ten.
    Scale(u8),
    /// first … ninetieth, hundredth, thousandth …: the position.
    Ord(u32),
    /// A fraction's denominator in the plural or a word that is only a denominator:
    /// "halves", "thirds", "quarters", "fifths".
    Denom(u32),
    /// January (1) … December (12).
    Month(u8),
    /// Monday (1) … Sunday (7); `true` for the plural "Mondays".
    Weekday(u8, bool),
    /// spring (1), summer (2), autumn/fall (3), winter (4).
    Season(u8),
    /// A time unit; `true` when plural ("days").
    Unit(TimeUnit, bool),
    /// today (0), tomorrow (1), yesterday (-1).
    RelDay(i8),
    /// tonight: today's night.
    Tonight,
    /// morning, afternoon, evening, night; `true` when plural ("mornings").
    Part(DayPart, bool),
    /// noon (12), midnight (0).
    Clock(u8),
    /// am (false) / pm (true).
    Meridiem(bool),
    /// last, this, next …
    Rel(Rel),
    /// daily (P1D), weekly, monthly, quarterly, annually …: the period (0 for
    /// half a unit: "semiannual").
    Every(TimeUnit, u8),
    /// Index into `money::CURRENCY_WORDS`.
    Currency(u8),
    /// Index into `units::UNITS`.
    Measure(u8),
    /// percent, pct, percentage.
    Percent,
    /// Index into `holidays::SINGLE_WORD`.
    Holiday(u8),
    /// GMT, UTC, EST …: a time zone written after a time.
    Zone,
    /// A word that starts a value on its own ("nineties", "noonish", "FY").
    Anchor,
    /// A word marking the tense of its clause: `true` for the future ("will"),
    /// `false` for the past ("said", "was").
    Tense(bool),
    /// A cue word.
    Kw(Kw),
}

use DayPart as P;
use Kw as K;
use Rel as R;
use Sense::{
    Anchor, Card, Clock, Denom, Every, Kw as SK, Meridiem, Month, Ord, Part, Percent, Rel as SR,
    RelDay, Scale, Season, Tense as SenseTense, Tonight, Unit, Weekday, Zone,
};
use TimeUnit as U;

/// Every word with its senses. Keys are lowercase ASCII.
const WORDS: &[(&str, &[Sense])] = &[
    // Cardinals.
    ("zero", &[Card(0)]),
    ("nil", &[Card(0)]),
    ("one", &[Card(1)]),
    ("two", &[Card(2)]),
    ("three", &[Card(3)]),
    ("four", &[Card(4)]),
    ("five", &[Card(5)]),
    ("six", &[Card(6)]),
    ("seven", &[Card(7)]),
    ("eight", &[Card(8)]),
    ("nine", &[Card(9)]),
    ("ten", &[Card(10)]),
    ("eleven", &[Card(11)]),
    ("twelve", &[Card(12)]),
    ("thirteen", &[Card(13)]),
    ("fourteen", &[Card(14)]),
    ("fifteen", &[Card(15)]),
    ("sixteen", &[Card(16)]),
    ("seventeen", &[Card(17)]),
    ("eighteen", &[Card(18)]),
    ("nineteen", &[Card(19)]),
    ("twenty", &[Card(20)]),
    ("thirty", &[Card(30)]),
    ("forty", &[Card(40)]),
    ("fourty", &[Card(40)]),
    ("fifty", &[Card(50)]),
    ("sixty", &[Card(60)]),
    ("seventy", &[Card(70)]),
    ("eighty", &[Card(80)]),
    ("ninety", &[Card(90)]),
    ("hundred", &[Scale(2)]),
    ("hundreds", &[Scale(2)]),
    ("thousand", &[Scale(3)]),
    ("thousands", &[Scale(3)]),
    ("million", &[Scale(6)]),
    ("millions", &[Scale(6)]),
    ("mn", &[Scale(6)]),
    ("mln", &[Scale(6)]),
    ("billion", &[Scale(9)]),
    ("billions", &[Scale(9)]),
    ("bn", &[Scale(9)]),
    ("bln", &[Scale(9)]),
    ("trillion", &[Scale(12)]),
    ("trillions", &[Scale(12)]),
    ("tn", &[Scale(12)]),
    ("trn", &[Scale(12)]),
    ("lakh", &[Scale(5)]),
    ("lakhs", &[Scale(5)]),
    ("crore", &[Scale(7)]),
    ("crores", &[Scale(7)]),
    ("k", &[Scale(3)]),
    ("dozen", &[SK(K::Dozen)]),
    ("dozens", &[SK(K::Dozen)]),
    ("dz", &[SK(K::Dozen)]),
    ("dzs", &[SK(K::Dozen)]),
    ("doz", &[SK(K::Dozen)]),
    ("dozs", &[SK(K::Dozen)]),
    ("nought", &[Card(0)]),
    ("naught", &[Card(0)]),
    ("tln", &[Scale(12)]),
    ("mil", &[Scale(6)]),
    // Ordinals (singular ordinals double as denominators: "a third").
    ("first", &[Ord(1)]),
    ("second", &[Ord(2), Unit(U::Second, false)]),
    ("third", &[Ord(3)]),
    ("fourth", &[Ord(4)]),
    ("fifth", &[Ord(5)]),
    ("sixth", &[Ord(6)]),
    ("seventh", &[Ord(7)]),
    ("eighth", &[Ord(8)]),
    ("ninth", &[Ord(9)]),
    ("tenth", &[Ord(10)]),
    ("eleventh", &[Ord(11)]),
    ("twelfth", &[Ord(12)]),
    ("thirteenth", &[Ord(13)]),
    ("fourteenth", &[Ord(14)]),
    ("fifteenth", &[Ord(15)]),
    ("sixteenth", &[Ord(16)]),
    ("seventeenth", &[Ord(17)]),
    ("eighteenth", &[Ord(18)]),
    ("nineteenth", &[Ord(19)]),
    ("twentieth", &[Ord(20)]),
    ("thirtieth", &[Ord(30)]),
    ("fortieth", &[Ord(40)]),
    ("fiftieth", &[Ord(50)]),
    ("sixtieth", &[Ord(60)]),
    ("seventieth", &[Ord(70)]),
    ("eightieth", &[Ord(80)]),
    ("ninetieth", &[Ord(90)]),
    ("hundredth", &[Ord(100)]),
    ("thousandth", &[Ord(1000)]),
    ("millionth", &[Ord(1_000_000)]),
    ("billionth", &[Ord(1_000_000_000)]),
    ("trillionth", &[Ord(0)]), // 10^12 does not fit u32: see `number_words::ORD_TRILLION`
    // Plural denominators.
    ("half", &[SK(K::Half)]),
    ("halves", &[Denom(2)]),
    ("thirds", &[Denom(3)]),
    ("fourths", &[Denom(4)]),
    ("quarter", &[SK(K::Quarter), Unit(U::Quarter, false)]),
    ("quarters", &[Denom(4), Unit(U::Quarter, true)]),
    ("fifths", &[Denom(5)]),
    ("sixths", &[Denom(6)]),
    ("sevenths", &[Denom(7)]),
    ("eighths", &[Denom(8)]),
    ("ninths", &[Denom(9)]),
    ("tenths", &[Denom(10)]),
    ("twelfths", &[Denom(12)]),
    ("twentieths", &[Denom(20)]),
    ("hundredths", &[Denom(100)]),
    ("thousandths", &[Denom(1000)]),
    ("millionths", &[Denom(1_000_000)]),
    ("billionths", &[Denom(1_000_000_000)]),
    ("thirteenths", &[Denom(13)]),
    ("fourteenths", &[Denom(14)]),
    ("fifteenths", &[Denom(15)]),
    ("sixteenths", &[Denom(16)]),
    ("seventeenths", &[Denom(17)]),
    ("eighteenths", &[Denom(18)]),
    ("nineteenths", &[Denom(19)]),
    ("elevenths", &[Denom(11)]),
    ("thirtieths", &[Denom(30)]),
    ("fortieths", &[Denom(40)]),
    ("fiftieths", &[Denom(50)]),
    // Months.
    ("january", &[Month(1)]),
    ("jan", &[Month(1)]),
    ("jan.", &[Month(1)]),
    ("february", &[Month(2)]),
    ("feb", &[Month(2)]),
    ("feb.", &[Month(2)]),
    ("march", &[Month(3)]),
    ("mar", &[Month(3)]),
    ("mar.", &[Month(3)]),
    ("april", &[Month(4)]),
    ("apr", &[Month(4)]),
    ("apr.", &[Month(4)]),
    ("may", &[Month(5)]),
    ("june", &[Month(6)]),
    ("jun", &[Month(6)]),
    ("jun.", &[Month(6)]),
    ("july", &[Month(7)]),
    ("jul", &[Month(7)]),
    ("jul.", &[Month(7)]),
    ("august", &[Month(8)]),
    ("aug", &[Month(8)]),
    ("aug.", &[Month(8)]),
    ("september", &[Month(9)]),
    ("sep", &[Month(9)]),
    ("sep.", &[Month(9)]),
    ("sept", &[Month(9)]),
    ("sept.", &[Month(9)]),
    ("october", &[Month(10)]),
    ("oct", &[Month(10)]),
    ("oct.", &[Month(10)]),
    ("november", &[Month(11)]),
    ("nov", &[Month(11)]),
    ("nov.", &[Month(11)]),
    ("december", &[Month(12)]),
    ("dec", &[Month(12)]),
    ("dec.", &[Month(12)]),
    // Weekdays.
    ("monday", &[Weekday(1, false)]),
    ("mon", &[Weekday(1, false)]),
    ("mon.", &[Weekday(1, false)]),
    ("mondays", &[Weekday(1, true)]),
    ("tuesday", &[Weekday(2, false)]),
    ("tue", &[Weekday(2, false)]),
    ("tue.", &[Weekday(2, false)]),
    ("tues", &[Weekday(2, false)]),
    ("tues.", &[Weekday(2, false)]),
    ("tuesdays", &[Weekday(2, true)]),
    ("wednesday", &[Weekday(3, false)]),
    ("wed", &[Weekday(3, false)]),
    ("wed.", &[Weekday(3, false)]),
    ("wednesdays", &[Weekday(3, true)]),
    ("thursday", &[Weekday(4, false)]),
    ("thu", &[Weekday(4, false)]),
    ("thu.", &[Weekday(4, false)]),
    ("thur", &[Weekday(4, false)]),
    ("thurs", &[Weekday(4, false)]),
    ("thurs.", &[Weekday(4, false)]),
    ("thursdays", &[Weekday(4, true)]),
    ("friday", &[Weekday(5, false)]),
    ("fri", &[Weekday(5, false)]),
    ("fri.", &[Weekday(5, false)]),
    ("fridays", &[Weekday(5, true)]),
    ("saturday", &[Weekday(6, false)]),
    ("sat", &[Weekday(6, false)]),
    ("sat.", &[Weekday(6, false)]),
    ("saturdays", &[Weekday(6, true)]),
    ("sunday", &[Weekday(7, false)]),
    ("sun", &[Weekday(7, false)]),
    ("sun.", &[Weekday(7, false)]),
    ("sundays", &[Weekday(7, true)]),
    // Seasons.
    ("spring", &[Season(1)]),
    ("summer", &[Season(2)]),
    ("autumn", &[Season(3)]),
    ("fall", &[Season(3)]),
    ("winter", &[Season(4)]),
    // Time units.
    ("seconds", &[Unit(U::Second, true)]),
    ("sec", &[Unit(U::Second, false)]),
    ("secs", &[Unit(U::Second, true)]),
    ("minute", &[Unit(U::Minute, false)]),
    ("minutes", &[Unit(U::Minute, true)]),
    ("min", &[Unit(U::Minute, false)]),
    ("mins", &[Unit(U::Minute, true)]),
    ("hour", &[Unit(U::Hour, false)]),
    ("hours", &[Unit(U::Hour, true)]),
    ("hr", &[Unit(U::Hour, false)]),
    ("hrs", &[Unit(U::Hour, true)]),
    ("h", &[Unit(U::Hour, false)]),
    ("day", &[Unit(U::Day, false), SK(K::Day)]),
    ("days", &[Unit(U::Day, true)]),
    ("night", &[Unit(U::Night, false), Part(P::Night, false)]),
    ("nights", &[Unit(U::Night, true), Part(P::Night, true)]),
    ("week", &[Unit(U::Week, false), SK(K::Week)]),
    ("weeks", &[Unit(U::Week, true)]),
    ("wk", &[Unit(U::Week, false)]),
    ("wks", &[Unit(U::Week, true)]),
    ("weekend", &[Unit(U::Weekend, false)]),
    ("weekends", &[Unit(U::Weekend, true)]),
    ("fortnight", &[Unit(U::Fortnight, false)]),
    ("fortnights", &[Unit(U::Fortnight, true)]),
    ("month", &[Unit(U::Month, false)]),
    ("months", &[Unit(U::Month, true)]),
    ("mos", &[Unit(U::Month, true)]),
    ("year", &[Unit(U::Year, false), SK(K::Year)]),
    ("years", &[Unit(U::Year, true)]),
    ("yr", &[Unit(U::Year, false)]),
    ("yrs", &[Unit(U::Year, true)]),
    ("decade", &[Unit(U::Decade, false)]),
    ("decades", &[Unit(U::Decade, true)]),
    ("century", &[Unit(U::Century, false)]),
    ("centuries", &[Unit(U::Century, true)]),
    // Days and parts of days.
    ("today", &[RelDay(0)]),
    ("tomorrow", &[RelDay(1)]),
    ("tmrw", &[RelDay(1)]),
    ("yesterday", &[RelDay(-1)]),
    ("tonight", &[Tonight]),
    ("tonite", &[Tonight]),
    ("morning", &[Part(P::Morning, false)]),
    ("mornings", &[Part(P::Morning, true)]),
    ("afternoon", &[Part(P::Afternoon, false)]),
    ("afternoons", &[Part(P::Afternoon, true)]),
    ("evening", &[Part(P::Evening, false)]),
    ("evenings", &[Part(P::Evening, true)]),
    ("daytime", &[Part(P::Daytime, false)]),
    ("noon", &[Clock(12)]),
    ("midday", &[Clock(12)]),
    ("midnight", &[Clock(0)]),
    ("noonish", &[Clock(12)]),
    ("am", &[Meridiem(false)]),
    ("a.m.", &[Meridiem(false)]),
    ("a.m", &[Meridiem(false)]),
    ("pm", &[Meridiem(true)]),
    ("p.m.", &[Meridiem(true)]),
    ("p.m", &[Meridiem(true)]),
    ("o'clock", &[SK(K::OClock)]),
    ("o’clock", &[SK(K::OClock)]),
    ("oclock", &[SK(K::OClock)]),
    ("gmt", &[Zone]),
    ("utc", &[Zone]),
    ("est", &[Zone]),
    ("edt", &[Zone]),
    ("cst", &[Zone]),
    ("cdt", &[Zone]),
    ("mst", &[Zone]),
    ("pst", &[Zone]),
    ("pdt", &[Zone]),
    ("bst", &[Zone]),
    ("cet", &[Zone]),
    ("cest", &[Zone]),
    ("ist", &[Zone]),
    ("jst", &[Zone]),
    ("kst", &[Zone]),
    ("aest", &[Zone]),
    ("et", &[Zone]),
    ("pt", &[Zone]),
    // Relative words.
    ("last", &[SR(R::Last)]),
    ("previous", &[SR(R::Last)]),
    ("past", &[SR(R::Past), SK(K::Past)]),
    ("preceding", &[SR(R::Last)]),
    ("this", &[SR(R::This)]),
    ("current", &[SR(R::This)]),
    ("next", &[SR(R::Next), SK(K::Next)]),
    ("coming", &[SR(R::Coming)]),
    ("following", &[SR(R::Next)]),
    ("upcoming", &[SR(R::Coming)]),
    // Recurrence adverbs and adjectives.
    ("daily", &[Every(U::Day, 1)]),
    ("everyday", &[Every(U::Day, 1)]),
    ("nightly", &[Every(U::Day, 1)]),
    ("weekly", &[Every(U::Week, 1)]),
    ("fortnightly", &[Every(U::Week, 2)]),
    ("biweekly", &[Every(U::Week, 2)]),
    ("monthly", &[Every(U::Month, 1)]),
    ("bimonthly", &[Every(U::Month, 2)]),
    ("quarterly", &[Every(U::Month, 3)]),
    ("annually", &[Every(U::Year, 1)]),
    ("annual", &[Every(U::Year, 1)]),
    ("yearly", &[Every(U::Year, 1)]),
    ("hourly", &[Every(U::Hour, 1)]),
    ("semiannually", &[Every(U::Year, 0)]),
    ("semiannual", &[Every(U::Year, 0)]),
    ("biannually", &[Every(U::Year, 0)]),
    ("biannual", &[Every(U::Year, 0)]),
    // Percent.
    ("percent", &[Percent]),
    ("percents", &[Percent]),
    ("percentage", &[Percent]),
    ("pct", &[Percent]),
    ("cent", &[SK(K::Cent)]),
    // Cue words.
    ("the", &[SK(K::The)]),
    ("a", &[SK(K::A)]),
    ("an", &[SK(K::A)]),
    ("and", &[SK(K::And)]),
    ("to", &[SK(K::To)]),
    ("through", &[SK(K::Through)]),
    ("thru", &[SK(K::Through)]),
    ("until", &[SK(K::Until)]),
    ("till", &[SK(K::Until)]),
    ("til", &[SK(K::Until)]),
    ("between", &[SK(K::Between)]),
    ("from", &[SK(K::From)]),
    ("of", &[SK(K::Of)]),
    ("in", &[SK(K::In)]),
    ("on", &[SK(K::On)]),
    ("at", &[SK(K::At)]),
    ("by", &[SK(K::By)]),
    ("since", &[SK(K::Since)]),
    ("ago", &[SK(K::Ago)]),
    ("later", &[SK(K::Later)]),
    ("earlier", &[SK(K::Earlier)]),
    ("before", &[SK(K::Before)]),
    ("after", &[SK(K::After)]),
    ("every", &[SK(K::Every)]),
    ("each", &[SK(K::Each)]),
    ("per", &[SK(K::Per)]),
    ("once", &[SK(K::Once)]),
    ("twice", &[SK(K::Twice)]),
    ("few", &[SK(K::Few)]),
    ("several", &[SK(K::Several)]),
    ("couple", &[SK(K::Couple)]),
    ("some", &[SK(K::Some)]),
    ("mid", &[SK(K::Mid)]),
    ("early", &[SK(K::Early)]),
    ("late", &[SK(K::Late)]),
    ("beginning", &[SK(K::Beginning)]),
    ("start", &[SK(K::Start)]),
    ("end", &[SK(K::End)]),
    ("middle", &[SK(K::Middle)]),
    ("or", &[SK(K::Or)]),
    ("more", &[SK(K::More)]),
    ("less", &[SK(K::Less)]),
    ("fewer", &[SK(K::Fewer)]),
    ("over", &[SK(K::Over)]),
    ("under", &[SK(K::Under)]),
    ("above", &[SK(K::Above)]),
    ("below", &[SK(K::Below)]),
    ("least", &[SK(K::Least)]),
    ("most", &[SK(K::Most)]),
    ("up", &[SK(K::Up)]),
    ("about", &[SK(K::About)]),
    ("around", &[SK(K::About)]),
    ("approximately", &[SK(K::About)]),
    ("approx", &[SK(K::About)]),
    ("approx.", &[SK(K::About)]),
    ("roughly", &[SK(K::About)]),
    ("circa", &[SK(K::About)]),
    ("nearly", &[SK(K::Nearly)]),
    ("almost", &[SK(K::Nearly)]),
    ("within", &[SK(K::Within)]),
    ("point", &[SK(K::Point)]),
    ("minus", &[SK(K::Minus)]),
    ("negative", &[SK(K::Minus)]),
    ("now", &[SK(K::Now)]),
    ("hence", &[SK(K::Hence)]),
    ("other", &[SK(K::Other)]),
    ("then", &[SK(K::Then)]),
    ("weekday", &[SK(K::Weekday)]),
    ("weekdays", &[SK(K::Weekday)]),
    ("all", &[SK(K::All)]),
    ("whole", &[SK(K::Whole)]),
    ("entire", &[SK(K::Whole)]),
    ("for", &[SK(K::For)]),
    ("than", &[SK(K::Than)]),
    ("times", &[SK(K::Times)]),
    ("out", &[SK(K::Out)]),
    // Tense markers (tense.rs): future, then irregular past forms and auxiliaries.
    ("'ll", &[SenseTense(true)]),
    ("’ll", &[SenseTense(true)]),
    ("forthcoming", &[SenseTense(true)]),
    ("plan", &[SenseTense(true)]),
    ("plans", &[SenseTense(true)]),
    ("scheduled", &[SenseTense(true)]),
    ("shall", &[SenseTense(true)]),
    ("will", &[SenseTense(true)]),
    ("wo", &[SenseTense(true)]),
    ("would", &[SenseTense(true)]),
    ("expects", &[SenseTense(true)]),
    ("intends", &[SenseTense(true)]),
    ("aims", &[SenseTense(true)]),
    ("ago", &[SenseTense(false)]),
    ("ate", &[SenseTense(false)]),
    ("became", &[SenseTense(false)]),
    ("began", &[SenseTense(false)]),
    ("brought", &[SenseTense(false)]),
    ("came", &[SenseTense(false)]),
    ("did", &[SenseTense(false)]),
    ("drew", &[SenseTense(false)]),
    ("fell", &[SenseTense(false)]),
    ("felt", &[SenseTense(false)]),
    ("flew", &[SenseTense(false)]),
    ("fought", &[SenseTense(false)]),
    ("found", &[SenseTense(false)]),
    ("gave", &[SenseTense(false)]),
    ("got", &[SenseTense(false)]),
    ("grew", &[SenseTense(false)]),
    ("had", &[SenseTense(false)]),
    ("has", &[SenseTense(false)]),
    ("heard", &[SenseTense(false)]),
    ("held", &[SenseTense(false)]),
    ("hit", &[SenseTense(false)]),
    ("kept", &[SenseTense(false)]),
    ("knew", &[SenseTense(false)]),
    ("led", &[SenseTense(false)]),
    ("left", &[SenseTense(false)]),
    ("lost", &[SenseTense(false)]),
    ("made", &[SenseTense(false)]),
    ("meant", &[SenseTense(false)]),
    ("met", &[SenseTense(false)]),
    ("paid", &[SenseTense(false)]),
    ("ran", &[SenseTense(false)]),
    ("rose", &[SenseTense(false)]),
    ("said", &[SenseTense(false)]),
    ("sank", &[SenseTense(false)]),
    ("sat", &[SenseTense(false)]),
    ("saw", &[SenseTense(false)]),
    ("sent", &[SenseTense(false)]),
    ("shot", &[SenseTense(false)]),
    ("sold", &[SenseTense(false)]),
    ("spoke", &[SenseTense(false)]),
    ("spent", &[SenseTense(false)]),
    ("stood", &[SenseTense(false)]),
    ("struck", &[SenseTense(false)]),
    ("swore", &[SenseTense(false)]),
    ("took", &[SenseTense(false)]),
    ("told", &[SenseTense(false)]),
    ("thought", &[SenseTense(false)]),
    ("tore", &[SenseTense(false)]),
    ("was", &[SenseTense(false)]),
    ("went", &[SenseTense(false)]),
    ("were", &[SenseTense(false)]),
    ("won", &[SenseTense(false)]),
    ("wrote", &[SenseTense(false)]),
    // Cue words the grammars test by spelling; listed so the scan notices them.
    ("no", &[SK(K::Cue)]),
    ("not", &[SK(K::Cue)]),
    ("just", &[SK(K::Cue)]),
    ("well", &[SK(K::Cue)]),
    ("slightly", &[SK(K::Cue)]),
    ("greater", &[SK(K::Cue)]),
    ("higher", &[SK(K::Cue)]),
    ("larger", &[SK(K::Cue)]),
    ("lower", &[SK(K::Cue)]),
    ("smaller", &[SK(K::Cue)]),
    ("as", &[SK(K::Cue)]),
    ("close", &[SK(K::Cue)]),
    ("upwards", &[SK(K::Cue)]),
    ("exceeding", &[SK(K::Cue)]),
    ("estimated", &[SK(K::Cue)]),
    ("c.", &[SK(K::Cue)]),
    ("bi", &[SK(K::Cue)]),
    ("semi", &[SK(K::Cue)]),
    ("fiscal", &[SK(K::Cue)]),
    ("fy", &[SK(K::Cue)]),
    ("w/c", &[SK(K::Cue)]),
    ("recent", &[SK(K::Cue)]),
    ("rs", &[SK(K::Cue)]),
    ("rs.", &[SK(K::Cue)]),
    ("c", &[SK(K::Cue)]),
    ("sq", &[SK(K::Cue)]),
    ("square", &[SK(K::Cue)]),
    ("cubic", &[SK(K::Cue)]),
    ("metric", &[SK(K::Cue)]),
    ("twenties", &[Anchor]),
    ("thirties", &[Anchor]),
    ("forties", &[Anchor]),
    ("fifties", &[Anchor]),
    ("sixties", &[Anchor]),
    ("seventies", &[Anchor]),
    ("eighties", &[Anchor]),
    ("nineties", &[Anchor]),
    // First words of multi-word holidays ("Independence Day"), so the scan stops there.
    ("new", &[SK(K::HolidayStart)]),
    ("boxing", &[SK(K::HolidayStart)]),
    ("independence", &[SK(K::HolidayStart)]),
    ("earth", &[SK(K::HolidayStart)]),
    ("valentine", &[SK(K::HolidayStart)]),
    ("valentines", &[SK(K::HolidayStart)]),
    ("st.", &[SK(K::HolidayStart)]),
    ("saint", &[SK(K::HolidayStart)]),
    ("veterans", &[SK(K::HolidayStart)]),
    ("remembrance", &[SK(K::HolidayStart)]),
    ("armistice", &[SK(K::HolidayStart)]),
    ("international", &[SK(K::HolidayStart)]),
    ("good", &[SK(K::HolidayStart)]),
    ("black", &[SK(K::HolidayStart)]),
    ("labor", &[SK(K::HolidayStart)]),
    ("memorial", &[SK(K::HolidayStart)]),
    ("mother", &[SK(K::HolidayStart)]),
    ("father", &[SK(K::HolidayStart)]),
    ("martin", &[SK(K::HolidayStart)]),
    ("columbus", &[SK(K::HolidayStart)]),
];

/// How a word can take part in a value, decided once per lexicon entry so the
/// scan can skip most tokens with one byte comparison.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Role {
    /// Not in the lexicon.
    #[default]
    None,
    /// A cue ("the", "in", "last", "more", "dollars"): part of a value only next
    /// to an anchor.
    Cue,
    /// An anchor ("October", "two", "weeks", "Friday"): a value may start here.
    Anchor,
}

/// Bit set in [`Entry::starts`]: a date, time, duration or set may begin here.
pub(crate) const STARTS_TIME: u8 = 1;
/// Bit set in [`Entry::starts`]: a number, money, percent or quantity may begin here.
pub(crate) const STARTS_NUMBER: u8 = 2;
/// Bit set in [`Entry::starts`]: a modifier ("about", "more than", "up to") may begin here.
pub(crate) const STARTS_MOD: u8 = 4;

impl Sense {
    /// Which recognizer families can begin at a word with this sense.
    fn starts(self) -> u8 {
        use Kw::*;
        match self {
            Sense::Card(_) | Sense::Ord(_) | Sense::Denom(_) => STARTS_TIME | STARTS_NUMBER,
            Sense::Scale(_) | Sense::Currency(_) => STARTS_NUMBER,
            Sense::Month(_)
            | Sense::Weekday(..)
            | Sense::Season(_)
            | Sense::Unit(..)
            | Sense::RelDay(_)
            | Sense::Tonight
            | Sense::Part(..)
            | Sense::Clock(_)
            | Sense::Every(..)
            | Sense::Holiday(_)
            | Sense::Anchor
            | Sense::Rel(_) => STARTS_TIME,
            Sense::Kw(A | Half | Quarter | Between | From | Minus) => {
                STARTS_TIME | STARTS_NUMBER | STARTS_MOD
            }
            Sense::Kw(Some) => STARTS_TIME | STARTS_NUMBER | STARTS_MOD,
            Sense::Kw(Dozen | Point) => STARTS_NUMBER,
            Sense::Kw(
                About | Nearly | More | Less | Fewer | Over | Under | Above | Below | Up | Cue,
            ) => {
                STARTS_MOD
                    | if matches!(self, Sense::Kw(Cue)) {
                        STARTS_TIME
                    } else {
                        0
                    }
            }
            Sense::Kw(
                The | Within | Mid | Early | Late | Beginning | Start | End | Middle | Earlier
                | Later | Year | Week | Day | HolidayStart | Few | Several | Couple | Every | Each
                | Once | All | Next | Past,
            ) => STARTS_TIME,
            // "at least", "at the end of"; "in two weeks", "in excess of"
            Sense::Kw(At | In) => STARTS_TIME | STARTS_MOD,
            _ => 0,
        }
    }

    /// The role this sense gives its word.
    fn role(self) -> Role {
        match self {
            Sense::Card(_)
            | Sense::Scale(_)
            | Sense::Ord(_)
            | Sense::Denom(_)
            | Sense::Month(_)
            | Sense::Weekday(..)
            | Sense::Season(_)
            | Sense::Unit(..)
            | Sense::RelDay(_)
            | Sense::Tonight
            | Sense::Part(..)
            | Sense::Clock(_)
            | Sense::Every(..)
            | Sense::Holiday(_)
            | Sense::Anchor
            | Sense::Kw(Kw::Half | Kw::Dozen | Kw::Quarter) => Role::Anchor,
            Sense::Tense(_) => Role::None,
            _ => Role::Cue,
        }
    }
}

/// The lexicon in lookup form: one record per distinct word with all its senses.
struct Table {
    /// Open-addressing hash index, `1 << bits` slots.
    slots: Vec<Slot>,
    /// `64 - bits`: a hash's top `bits` bits pick its first slot.
    shift: u32,
    /// Distinct words, lowercase.
    words: Vec<&'static str>,
    /// Word index → what the scan and the grammars ask about the word.
    records: Vec<Record>,
    /// Every word's senses, a word's contiguous (a word listed by two concepts,
    /// "pound" as currency and weight, has both).
    senses: Vec<Sense>,
}

/// One slot of the hash index.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// The low bits of the word's hash: most misses end on this comparison,
    /// without touching the word.
    tag: u32,
    /// Word index + 1; 0 marks an empty slot.
    word: u16,
}

/// A word's precomputed answers.
#[derive(Clone, Copy)]
struct Record {
    /// Bit `k` set when the word has the cue sense `Kw` number `k`.
    kw: u128,
    /// First sense in `Table::senses`.
    first: u32,
    /// Number of senses.
    len: u16,
    /// The strongest role of its senses.
    role: Role,
    /// [`STARTS_TIME`] | [`STARTS_NUMBER`] | [`STARTS_MOD`] bits of its senses.
    starts: u8,
}

/// A hash of `b` that ignores ASCII case. The first and last eight bytes (four,
/// or three single bytes, for short words) are read as integers with every byte's
/// 0x20 bit set, which maps `A`–`Z` onto `a`–`z` and leaves lowercase letters
/// alone; other bytes may fold together and bytes 9–16 of a 24-byte word are
/// unread, so equal hashes are confirmed by comparing the words. Measured with
/// callgrind on the bench corpus, a whole look-up cost 123 instructions with a
/// byte-at-a-time FNV hash of the lowercased word, 85 with this one. (Folding
/// three chunks exactly and comparing them instead of the bytes was no faster.)
#[inline]
fn hash(b: &[u8]) -> u64 {
    const FOLD: u64 = 0x2020_2020_2020_2020;
    let n = b.len();
    let word = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"));
    let half = |at: usize| {
        u64::from(u32::from_le_bytes(
            b[at..at + 4].try_into().expect("4 bytes"),
        ))
    };
    let (lo, hi) = match n {
        8.. => (word(0), word(n - 8)),
        4..=7 => (half(0), half(n - 4)),
        1..=3 => (
            u64::from(b[0]) | u64::from(b[n / 2]) << 8 | u64::from(b[n - 1]) << 16,
            0,
        ),
        0 => (0, 0),
    };
    let x = (lo | FOLD) ^ (hi | FOLD).rotate_left(23) ^ n as u64;
    let x = (x ^ x >> 29).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^ x >> 32
}

#[inline]
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// Every (word, sense) pair: the fixed list, then the currency, unit and holiday
/// words (each concept's words live in that concept's file).
fn all_pairs() -> impl Iterator<Item = (&'static str, Sense)> {
    let fixed = WORDS
        .iter()
        .flat_map(|(w, senses)| senses.iter().map(move |s| (*w, *s)));
    let currencies = super::money::CURRENCY_WORDS
        .iter()
        .enumerate()
        .map(|(k, c)| (c.0, Sense::Currency(k as u8)));
    let units = super::units::UNITS
        .iter()
        .enumerate()
        .flat_map(|(k, u)| u.words.iter().map(move |w| (*w, Sense::Measure(k as u8))));
    let holidays = super::holidays::SINGLE_WORD
        .iter()
        .enumerate()
        .map(|(k, h)| (h.0, Sense::Holiday(k as u8)));
    fixed.chain(currencies).chain(units).chain(holidays)
}

/// Builds the table.
fn build() -> Table {
    let pairs: Vec<(&'static str, Sense)> = all_pairs().collect();
    let bits = (pairs.len() * 4).next_power_of_two().trailing_zeros();
    let mut table = Table {
        slots: vec![Slot::default(); 1 << bits],
        shift: 64 - bits,
        words: Vec::new(),
        records: Vec::new(),
        senses: Vec::with_capacity(pairs.len()),
    };
    // Index every distinct word, in first-listed order, and collect its senses in
    // listing order. (Grouped with Vecs rather than a sort: a sort instantiated
    // for this one use added 4 kB to the gzipped wasm.)
    let mut grouped: Vec<Vec<Sense>> = Vec::new();
    for (word, sense) in pairs {
        debug_assert!(word.len() <= MAX_WORD, "{word} is too long for the table");
        let h = hash(word.as_bytes());
        let mask = table.slots.len() - 1;
        let mut slot = (h >> table.shift) as usize;
        let k = loop {
            let s = table.slots[slot];
            if s.word == 0 {
                table.words.push(word);
                grouped.push(Vec::new());
                table.slots[slot] = Slot {
                    tag: h as u32,
                    word: table.words.len() as u16,
                };
                break table.words.len();
            }
            if table.words[usize::from(s.word - 1)] == word {
                break usize::from(s.word);
            }
            slot = (slot + 1) & mask;
        };
        grouped[k - 1].push(sense);
    }
    for senses in grouped {
        table.records.push(Record {
            kw: senses.iter().fold(0, |m, s| match s {
                Sense::Kw(k) => m | 1u128 << (*k as u32),
                _ => m,
            }),
            first: table.senses.len() as u32,
            len: senses.len() as u16,
            role: senses.iter().map(|s| s.role()).max().unwrap_or(Role::Cue),
            starts: senses.iter().fold(0, |m, s| m | s.starts()),
        });
        table.senses.extend(senses);
    }
    table
}

/// An opaque handle to a word's record; [`Entry::NONE`] means "not in the lexicon".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Entry(u16);

impl Entry {
    /// No entry.
    pub(crate) const NONE: Entry = Entry(0);

    /// Every sense of the word, in listing order (none for [`Entry::NONE`]).
    pub(crate) fn senses(self) -> &'static [Sense] {
        Lexicon::get().senses(self)
    }
}

/// Looks `word` up, ignoring ASCII case.
pub(crate) fn lookup(word: &str) -> Entry {
    Lexicon::get().lookup(word)
}

/// The lexicon, fetched once for a run of look-ups (the one-time initialization
/// check per word was measured at a fifth of a look-up).
#[derive(Clone, Copy)]
pub(crate) struct Lexicon(&'static Table);

impl Lexicon {
    /// The lexicon.
    pub(crate) fn get() -> Lexicon {
        Lexicon(table())
    }

    fn record(self, e: Entry) -> Option<&'static Record> {
        match e.0 {
            0 => None,
            k => self.0.records.get(usize::from(k - 1)),
        }
    }

    /// The role of `e`: the strongest of its senses'.
    pub(crate) fn role(self, e: Entry) -> Role {
        self.record(e).map_or(Role::None, |r| r.role)
    }

    /// Which recognizer families can begin at `e` ([`STARTS_TIME`],
    /// [`STARTS_NUMBER`], [`STARTS_MOD`]).
    pub(crate) fn starts(self, e: Entry) -> u8 {
        self.record(e).map_or(0, |r| r.starts)
    }

    /// Whether `e` has the cue sense `kw`; one bit test.
    #[inline]
    pub(crate) fn has_kw(self, e: Entry, kw: Kw) -> bool {
        self.record(e).is_some_and(|r| r.kw >> (kw as u32) & 1 == 1)
    }

    /// The senses of `e` ([`Entry::senses`]).
    pub(crate) fn senses(self, e: Entry) -> &'static [Sense] {
        match self.record(e) {
            None => &[],
            Some(r) => {
                let first = r.first as usize;
                self.0
                    .senses
                    .get(first..first + usize::from(r.len))
                    .unwrap_or_default()
            }
        }
    }

    /// Looks `word` up, ignoring ASCII case.
    pub(crate) fn lookup(self, word: &str) -> Entry {
        let t = self.0;
        let b = word.as_bytes();
        if b.is_empty() || b.len() > MAX_WORD {
            return Entry::NONE;
        }
        let h = hash(b);
        let mask = t.slots.len() - 1;
        let mut slot = (h >> t.shift) as usize;
        loop {
            let s = t.slots[slot & mask];
            if s.word == 0 {
                return Entry::NONE;
            }
            if s.tag == h as u32
                && t.words[usize::from(s.word - 1)]
                    .as_bytes()
                    .eq_ignore_ascii_case(b)
            {
                return Entry(s.word);
            }
            slot += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn senses(w: &str) -> Vec<Sense> {
        lookup(w).senses().to_vec()
    }

    #[test]
    fn lookups_ignore_case() {
        assert_eq!(senses("Forty"), vec![Card(40)]);
        assert_eq!(senses("JAN."), vec![Month(1)]);
        assert_eq!(senses("second"), vec![Ord(2), Unit(U::Second, false)]);
        assert!(senses("Kyiv").is_empty());
        assert!(senses("").is_empty());
        assert!(senses(&"x".repeat(100)).is_empty());
    }

    #[test]
    fn every_entry_is_found_and_lowercase() {
        for (word, sense) in all_pairs() {
            assert_eq!(word, word.to_ascii_lowercase(), "{word}");
            assert!(word.len() <= MAX_WORD, "{word}");
            let found = lookup(word);
            assert_ne!(found, Entry::NONE, "{word}");
            assert!(found.senses().contains(&sense), "{word}: {sense:?}");
        }
    }

    #[test]
    fn any_case_finds_the_word_and_near_misses_do_not() {
        // The hash folds bytes by their 0x20 bit and skips the middle of long
        // words, so the comparison after it must tell apart words that differ in
        // one byte ("@" and "`"), wherever that byte is.
        for (word, _) in all_pairs() {
            let entry = lookup(word);
            assert_eq!(lookup(&word.to_ascii_uppercase()), entry, "{word}");
            let title: String = word
                .char_indices()
                .map(|(k, c)| if k == 0 { c.to_ascii_uppercase() } else { c })
                .collect();
            assert_eq!(lookup(&title), entry, "{word}");
            for (k, c) in word.char_indices() {
                for other in ['`', '@', '\x00', '.', 'q', '0'] {
                    if other == c {
                        continue;
                    }
                    let mut near = word.to_string();
                    near.replace_range(k..k + c.len_utf8(), other.encode_utf8(&mut [0; 4]));
                    if lookup(&near) != Entry::NONE {
                        assert!(
                            all_pairs().any(|(w, _)| w.eq_ignore_ascii_case(&near)),
                            "{near} found"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn words_of_two_concepts_have_both_senses() {
        let pound = senses("pound");
        assert!(pound.iter().any(|s| matches!(s, Sense::Currency(_))));
        assert!(pound.iter().any(|s| matches!(s, Sense::Measure(_))));
        let lex = Lexicon::get();
        assert_eq!(lex.role(lookup("the")), Role::Cue);
        assert_eq!(lex.role(lookup("October")), Role::Anchor);
        assert_eq!(lex.role(lookup("Kyiv")), Role::None);
    }

    #[test]
    fn concept_words_are_included() {
        assert!(senses("euros")
            .iter()
            .any(|s| matches!(s, Sense::Currency(_))));
        assert!(senses("km").iter().any(|s| matches!(s, Sense::Measure(_))));
        assert!(senses("christmas")
            .iter()
            .any(|s| matches!(s, Sense::Holiday(_))));
    }
}
