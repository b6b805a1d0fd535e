/// A date as its author wrote it: a calendar day, optionally with a time and a UTC offset.
///
/// The calendar day is kept as written (`2024-06-01T23:30-07:00` is 1 June), while ordering uses the instant.
public struct GuideDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    /// The time of day in seconds after midnight, when one was written.
    public var secondOfDay: Int?
    /// Minutes east of UTC when an offset was written; nil reads as UTC.
    public var offsetMinutes: Int?

    public init(year: Int, month: Int, day: Int, hour: Int? = nil, minute: Int = 0, second: Int = 0, offsetMinutes: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.secondOfDay = hour.map { $0 * 3600 + minute * 60 + second }
        self.offsetMinutes = offsetMinutes
    }

    /// Seconds since 1970-01-01T00:00:00Z; a date without a time is its midnight in UTC.
    public var secondsSinceEpoch: Int {
        Self.daysFromCivil(year: year, month: month, day: day) * 86_400 + (secondOfDay ?? 0) - (offsetMinutes ?? 0) * 60
    }

    /// `2025-01-14`, the calendar day as written.
    public var day8601: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendDay(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func appendDay(to bytes: inout [UInt8]) {
        appendPadded(year, 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(month, 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendPadded(day, 2, to: &bytes)
    }

    /// A full RFC 3339 date-time for feeds and sitemaps; a plain date becomes midnight UTC.
    public var rfc3339: String {
        // Made as bytes in one buffer: joining the ten pieces as strings made as many strings.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25)
        appendRFC3339(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `rfc3339`'s bytes.
    public func appendRFC3339(to bytes: inout [UInt8]) {
        let clock = secondOfDay ?? 0
        appendDay(to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendPadded(clock / 3600, 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendPadded(clock / 60 % 60, 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendPadded(clock % 60, 2, to: &bytes)
        if let minutes = offsetMinutes, minutes != 0 {
            bytes.append(UInt8(ascii: minutes < 0 ? "-" : "+"))
            appendPadded(abs(minutes) / 60, 2, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            appendPadded(abs(minutes) % 60, 2, to: &bytes)
        } else {
            bytes.append(UInt8(ascii: "Z"))
        }
    }

    /// The form written in `<time datetime>`: the day alone, or the full date-time when a time was given.
    public var machineReadable: String {
        secondOfDay == nil ? day8601 : rfc3339
    }

    /// Appends `machineReadable`'s bytes.
    public func appendMachineReadable(to bytes: inout [UInt8]) {
        if secondOfDay == nil { appendDay(to: &bytes) } else { appendRFC3339(to: &bytes) }
    }

    /// `January 14, 2025`.
    public var displayText: String {
        "\(Self.monthNames[month - 1]) \(day), \(year)"
    }

    public var description: String { machineReadable }

    public static func < (lhs: GuideDate, rhs: GuideDate) -> Bool {
        let left = lhs.secondsSinceEpoch, right = rhs.secondsSinceEpoch
        if left != right { return left < right }
        return lhs.rfc3339 < rhs.rfc3339
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

/// `number` in decimal, zeros before it up to `width` characters (a minus sign counts as one, after the zeros).
private func appendPadded(_ number: Int, _ width: Int, to bytes: inout [UInt8]) {
    guard number >= 0 else {
        let digits = String(number).utf8
        bytes += repeatElement(UInt8(ascii: "0"), count: max(0, width - digits.count))
        bytes += digits
        return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                 UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
        var rest = number
        repeat {
            buffer[19 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            count += 1
        } while rest > 0
        bytes += repeatElement(UInt8(ascii: "0"), count: max(0, width - count))
        bytes += buffer[(20 - count)...]
    }
}
