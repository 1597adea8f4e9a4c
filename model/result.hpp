// Errors as values for parsers and loaders: a value, or a message naming what was wrong.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace tsur::model {

struct Error {
    std::string message;  ///< one line a person can act on: file/field and what was expected
};

template <typename T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
    Result(Error error) : v_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(v_); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(v_); }
    const T& value() const { return std::get<T>(v_); }
    T&& take() { return std::get<T>(std::move(v_)); }
    const std::string& error() const { return std::get<Error>(v_).message; }

private:
    std::variant<T, Error> v_;
};

}  // namespace tsur::model
