// What esbuild leaves outside ASCII in a bundle (comments, regular expression literals),
// written as \uXXXX, one UTF-16 unit at a time. That reads the same in a string, a template
// (cooked), a comment and a regular expression with or without the u flag. A character
// already behind an escaping backslash (`\é`, an identity escape) loses that backslash, since
// `\é` and `é` mean the same there and `\\u00e9` would not.
exports.asciiEscape = function asciiEscape(text) {
  return text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, unit) => (slashes.length % 2 ? slashes.slice(1) : slashes) + `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
};
