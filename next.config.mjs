/** @type {import('next').NextConfig} */
const nextConfig = {
  // The app is static files: every read goes from the browser to the chain, so it can be served by any
  // static host or an IPFS gateway. Routes with an id take it from the query string.
  output: 'export',
  // Folders with index.html resolve on every static host and IPFS gateway without rewrite rules.
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
  // No dev-mode badge: it covered page content at phone width; build and runtime errors still show.
  devIndicators: false,
};

export default nextConfig;
