// Reading the index.html Trunk writes, for the post-build scripts.

// An attribute's value in one tag, quoted or not (Trunk minifies the HTML).
export const attr = (tag, name) =>
  tag.match(new RegExp(`\\b${name}=(?:"([^"]*)"|([^\\s>]+))`))?.slice(1).find((v) => v !== undefined);
