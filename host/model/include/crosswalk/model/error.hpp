/**
 * @file error.hpp
 * @brief Expected failures as values: cw::Error and cw::Result<T>.
 */
#pragma once

#include <boost/system/result.hpp>

#include <stdexcept>
#include <string>
#include <utility>

namespace boost {
struct source_location;
}

namespace cw {

/// What kind of failure; decides the CLI exit code (BadInput/NotFound → 2, Internal → 1).
enum class ErrorKind {
    BadInput,  ///< the user's file, argument or plugin is wrong
    NotFound,  ///< a named thing does not exist
    Internal,  ///< our fault or the system's (I/O, SQLite, out of memory)
};

/// A failure a user can act on: one line naming what and where.
struct Error {
    ErrorKind kind = ErrorKind::Internal;
    std::string message;

    static Error badInput(std::string message) { return {ErrorKind::BadInput, std::move(message)}; }
    static Error notFound(std::string message) { return {ErrorKind::NotFound, std::move(message)}; }
    static Error internal(std::string message) { return {ErrorKind::Internal, std::move(message)}; }
};

/// Thrown only by Result<T>::value() on an error; callers normally check first.
class ErrorException : public std::runtime_error {
public:
    explicit ErrorException(Error error) : std::runtime_error(error.message), m_error(std::move(error)) {}
    [[nodiscard]] const Error& error() const noexcept { return m_error; }

private:
    Error m_error;
};

/// Found by boost::system::result through ADL.
[[noreturn]] inline void throw_exception_from_error(const Error& error, const boost::source_location&) {
    throw ErrorException(error);
}

template <typename T>
using Result = boost::system::result<T, Error>;

/// One validation problem: where (a JSON pointer, RFC 6901) and what.
struct Problem {
    std::string pointer;  ///< e.g. "/frameworks/0/controls/12/parent"; "" is the document root
    std::string message;
};

/// Formats a problem as "<pointer>: <message>", using "(root)" for the empty pointer.
std::string toString(const Problem& problem);

}  // namespace cw
