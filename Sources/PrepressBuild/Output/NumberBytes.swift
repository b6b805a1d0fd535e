/// Appends `number` in `radix` (lowercase digits), at least `width` digits with leading zeros, a `-` before a
/// negative one: `"\(number)"`'s text for radix 10 and width 1, without making a string. The output listing and
/// manifest write five numbers for each of 18,000 files with it.
func appendNumber<Number: BinaryInteger>(_ number: Number, radix: Int = 10, width: Int = 1, to bytes: inout [UInt8]) {
    if number < 0 { bytes.append(UInt8(ascii: "-")) }
    var rest = number.magnitude
    let base = Number.Magnitude(radix)
    let start = bytes.count
    repeat {
        let digit = UInt8(rest % base)
        bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        rest /= base
    } while rest > 0
    while bytes.count - start < width { bytes.append(UInt8(ascii: "0")) }
    bytes[start...].reverse()
}
