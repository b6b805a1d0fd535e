/// Parses the date forms front matter accepts: `YYYY-MM-DD`, and RFC 3339 date-times with an optional offset
/// (also with a space for the `T` and an offset without its colon, as Jekyll writes them: `2024-01-25 10:00:00 +0100`).
public enum GuideDateParser {
    /// Why a text is not a date, worded for the writer.
    public struct Failure: Error, Equatable, Sendable {
        public var reason: String
    }

    public static func parse(_ text: String) -> Result<GuideDate, Failure> {
        var scanner = Scanner(Array(text.trimmingSpaces.utf8))
        guard let year = scanner.digits(4), scanner.take(UInt8(ascii: "-")),
              let month = scanner.digits(2), scanner.take(UInt8(ascii: "-")),
              let day = scanner.digits(2)
        else {
            return .failure(Failure(reason: "'\(text)' is not a date in the form YYYY-MM-DD"))
        }
        guard (1...12).contains(month) else {
            return .failure(Failure(reason: "month \(month) does not exist"))
        }
        let monthLength = GuideDate.daysInMonth(month, year: year)
        guard (1...monthLength).contains(day) else {
            return .failure(Failure(reason: "\(GuideDate.monthNames[month - 1]) \(year) has \(monthLength) days, not \(day)"))
        }
        var date = GuideDate(year: year, month: month, day: day)
        if scanner.atEnd { return .success(date) }

        let timeFailure = Failure(reason: "'\(text)' is not a date-time in the form YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]")
        guard scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: "t")) || scanner.take(UInt8(ascii: " ")) else {
            return .failure(timeFailure)
        }
        guard let hour = scanner.digits(2), scanner.take(UInt8(ascii: ":")), let minute = scanner.digits(2) else {
            return .failure(timeFailure)
        }
        var second = 0
        if scanner.take(UInt8(ascii: ":")) {
            guard let value = scanner.digits(2) else { return .failure(timeFailure) }
            second = value
            if scanner.take(UInt8(ascii: ".")) {
                guard scanner.skipDigits() > 0 else { return .failure(timeFailure) }
            }
        }
        guard hour < 24, minute < 60, second < 61 else {
            return .failure(Failure(reason: "\(pad2(hour)):\(pad2(minute)):\(pad2(second)) is not a time of day"))
        }
        date = GuideDate(year: year, month: month, day: day, hour: hour, minute: minute, second: min(second, 59))
        scanner.skipSpaces()
        if scanner.take(UInt8(ascii: "Z")) || scanner.take(UInt8(ascii: "z")) {
            date.offsetMinutes = 0
        } else if let sign = scanner.peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            scanner.advance()
            let offsetHours: Int
            let offsetMinutes: Int
            if let hhmm = scanner.digits(4) {
                // `+0100`, as Jekyll writes dates.
                (offsetHours, offsetMinutes) = (hhmm / 100, hhmm % 100)
            } else {
                guard let hours = scanner.digits(2) else { return .failure(timeFailure) }
                _ = scanner.take(UInt8(ascii: ":"))
                (offsetHours, offsetMinutes) = (hours, scanner.digits(2) ?? 0)
            }
            guard offsetHours < 24, offsetMinutes < 60 else {
                return .failure(Failure(reason: "\(pad2(offsetHours)):\(pad2(offsetMinutes)) is not a UTC offset"))
            }
            let total = offsetHours * 60 + offsetMinutes
            date.offsetMinutes = sign == UInt8(ascii: "-") ? -total : total
        }
        scanner.skipSpaces()
        guard scanner.atEnd else { return .failure(timeFailure) }
        return .success(date)
    }

    private static func pad2(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index >= bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[index] }

        mutating func advance() { index += 1 }

        mutating func take(_ byte: UInt8) -> Bool {
            guard peek == byte else { return false }
            index += 1
            return true
        }

        mutating func skipSpaces() {
            while let byte = peek, byte == 0x20 || byte == 0x09 { index += 1 }
        }

        /// Exactly `count` digits, as a number.
        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            // More digits than asked for is a different, wrong form (e.g. a five-digit year).
            if index + count < bytes.count, bytes[index + count] >= 0x30, bytes[index + count] <= 0x39 { return nil }
            index += count
            return value
        }

        mutating func skipDigits() -> Int {
            let start = index
            while let byte = peek, byte >= 0x30, byte <= 0x39 { index += 1 }
            return index - start
        }
    }
}
