// Test vectors of RFC 9180 (Hybrid Public Key Encryption), Appendix A, copied verbatim (hex, lines joined) from the
// RFC's text as published by the CFRG (https://www.rfc-editor.org/rfc/rfc9180#appendix-A; the same values are in
// https://github.com/cfrg/draft-irtf-cfrg-hpke, draft-irtf-cfrg-hpke.md). Base mode only, the mode of the envelopes.
//
// The RFC publishes no X25519 vector with AES-256-GCM, so the envelope's suite is checked in two parts that
// together cover every primitive it uses: A.1.1 for DHKEM(X25519, HKDF-SHA256) and the HKDF-SHA256 key schedule
// (with AES-128-GCM), and A.6.1 for the AES-256-GCM AEAD (with DHKEM(P-521, HKDF-SHA512), HKDF-SHA512).

/** RFC 9180 A.1.1: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM, Base Setup. */
export const RFC9180_A_1_1 = {
  mode: 0,
  kemId: 32,
  kdfId: 1,
  aeadId: 1,
  info: '4f6465206f6e2061204772656369616e2055726e',
  ikmE: '7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234',
  pkEm: '37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431',
  skEm: '52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736',
  ikmR: '6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037',
  pkRm: '3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d',
  skRm: '4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8',
  enc: '37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431',
  sharedSecret: 'fe0e18c9f024ce43799ae393c7e8fe8fce9d218875e8227b0187c04e7d2ea1fc',
  keyScheduleContext:
    '00725611c9d98c07c03f60095cd32d400d8347d45ed67097bbad50fc56da742d07cb6cffde367bb0565ba28bb02c90744a20f5ef37f30523526106f637abb05449',
  secret: '12fff91991e93b48de37e7daddb52981084bd8aa64289c3788471d9a9712f397',
  key: '4531685d41d65f03dc48f6b8302c05b0',
  baseNonce: '56d890e5accaaf011cff4b7d',
  exporterSecret: '45ff1c2e220db587171952c0592d5f5ebe103f1561a2614e38f2ffd47e99e3f8',
  encryptions: [
    {
      sequenceNumber: 0,
      pt: '4265617574792069732074727574682c20747275746820626561757479',
      aad: '436f756e742d30',
      nonce: '56d890e5accaaf011cff4b7d',
      ct: 'f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a',
    },
    {
      sequenceNumber: 1,
      pt: '4265617574792069732074727574682c20747275746820626561757479',
      aad: '436f756e742d31',
      nonce: '56d890e5accaaf011cff4b7c',
      ct: 'af2d7e9ac9ae7e270f46ba1f975be53c09f8d875bdc8535458c2494e8a6eab251c03d0c22a56b8ca42c2063b84',
    },
    {
      sequenceNumber: 2,
      pt: '4265617574792069732074727574682c20747275746820626561757479',
      aad: '436f756e742d32',
      nonce: '56d890e5accaaf011cff4b7f',
      ct: '498dfcabd92e8acedc281e85af1cb4e3e31c7dc394a1ca20e173cb72516491588d96a19ad4a683518973dcc180',
    },
    {
      sequenceNumber: 4,
      pt: '4265617574792069732074727574682c20747275746820626561757479',
      aad: '436f756e742d34',
      nonce: '56d890e5accaaf011cff4b79',
      ct: '583bd32bc67a5994bb8ceaca813d369bca7b2a42408cddef5e22f880b631215a09fc0012bc69fccaa251c0246d',
    },
    {
      sequenceNumber: 255,
      pt: '4265617574792069732074727574682c20747275746820626561757479',
      aad: '436f756e742d323535',
      nonce: '56d890e5accaaf011cff4b82',
      ct: '7175db9717964058640a3a11fb9007941a5d1757fda1a6935c805c21af32505bf106deefec4a49ac38d71c9e0a',
    },
    {
      sequenceNumber: 256,
      pt: '4265617574792069732074727574682c20747275746820626561757479',
      aad: '436f756e742d323536',
      nonce: '56d890e5accaaf011cff4a7d',
      ct: '957f9800542b0b8891badb026d79cc54597cb2d225b54c00c5238c25d05c30e3fbeda97d2e0e1aba483a2df9f2',
    },
  ],
  exports: [
    {
      exporterContext: '',
      length: 32,
      exportedValue: '3853fe2b4035195a573ffc53856e77058e15d9ea064de3e59f4961d0095250ee',
    },
    {
      exporterContext: '00',
      length: 32,
      exportedValue: '2e8f0b54673c7029649d4eb9d5e33bf1872cf76d623ff164ac185da9e88c21a5',
    },
    {
      exporterContext: '54657374436f6e74657874',
      length: 32,
      exportedValue: 'e9e43065102c3836401bed8c3c3c75ae46be1639869391d62c61f1ec7af54931',
    },
  ],
} as const;

/** RFC 9180 A.6.1: DHKEM(P-521, HKDF-SHA512), HKDF-SHA512, AES-256-GCM, Base Setup. */
export const RFC9180_A_6_1 = {
  mode: 0,
  kemId: 18,
  kdfId: 3,
  aeadId: 2,
  info: '4f6465206f6e2061204772656369616e2055726e',
  ikmE: '7f06ab8215105fc46aceeb2e3dc5028b44364f960426eb0d8e4026c2f8b5d7e7a986688f1591abf5ab753c357a5d6f0440414b4ed4ede71317772ac98d9239f70904',
  pkEm: '040138b385ca16bb0d5fa0c0665fbbd7e69e3ee29f63991d3e9b5fa740aab8900aaeed46ed73a49055758425a0ce36507c54b29cc5b85a5cee6bae0cf1c21f2731ece2013dc3fb7c8d21654bb161b463962ca19e8c654ff24c94dd2898de12051f1ed0692237fb02b2f8d1dc1c73e9b366b529eb436e98a996ee522aef863dd5739d2f29b0',
  skEm: '014784c692da35df6ecde98ee43ac425dbdd0969c0c72b42f2e708ab9d535415a8569bdacfcc0a114c85b8e3f26acf4d68115f8c91a66178cdbd03b7bcc5291e374b',
  ikmR: '2ad954bbe39b7122529f7dde780bff626cd97f850d0784a432784e69d86eccaade43b6c10a8ffdb94bf943c6da479db137914ec835a7e715e36e45e29b587bab3bf1',
  pkRm: '0401b45498c1714e2dce167d3caf162e45e0642afc7ed435df7902ccae0e84ba0f7d373f646b7738bbbdca11ed91bdeae3cdcba3301f2457be452f271fa6837580e661012af49583a62e48d44bed350c7118c0d8dc861c238c72a2bda17f64704f464b57338e7f40b60959480c0e58e6559b190d81663ed816e523b6b6a418f66d2451ec64',
  skRm: '01462680369ae375e4b3791070a7458ed527842f6a98a79ff5e0d4cbde83c27196a3916956655523a6a2556a7af62c5cadabe2ef9da3760bb21e005202f7b2462847',
  enc: '040138b385ca16bb0d5fa0c0665fbbd7e69e3ee29f63991d3e9b5fa740aab8900aaeed46ed73a49055758425a0ce36507c54b29cc5b85a5cee6bae0cf1c21f2731ece2013dc3fb7c8d21654bb161b463962ca19e8c654ff24c94dd2898de12051f1ed0692237fb02b2f8d1dc1c73e9b366b529eb436e98a996ee522aef863dd5739d2f29b0',
  sharedSecret:
    '776ab421302f6eff7d7cb5cb1adaea0cd50872c71c2d63c30c4f1d5e43653336fef33b103c67e7a98add2d3b66e2fda95b5b2a667aa9dac7e59cc1d46d30e818',
  keyScheduleContext:
    '0083a27c5b2358ab4dae1b2f5d8f57f10ccccc822a473326f543f239a70aee46347324e84e02d7651a10d08fb3dda739d22d50c53fbfa8122baacd0f9ae5913072ef45baa1f3a4b169e141feb957e48d03f28c837d8904c3d6775308c3d3faa75dd64adfa44e1a1141edf9349959b8f8e5291cbdc56f62b0ed6527d692e85b09a4',
  secret:
    '49fd9f53b0f93732555b2054edfdc0e3101000d75df714b98ce5aa295a37f1b18dfa86a1c37286d805d3ea09a20b72f93c21e83955a1f01eb7c5eead563d21e7',
  key: '751e346ce8f0ddb2305c8a2a85c70d5cf559c53093656be636b9406d4d7d1b70',
  baseNonce: '55ff7a7d739c69f44b25447b',
  exporterSecret:
    'e4ff9dfbc732a2b9c75823763c5ccc954a2c0648fc6de80a58581252d0ee3215388a4455e69086b50b87eb28c169a52f42e71de4ca61c920e7bd24c95cc3f992',
  encryptions: [
    {
      sequenceNumber: 0,
      pt: '4265617574792069732074727574682c20747275746820626561757479',
      aad: '436f756e742d30',
      nonce: '55ff7a7d739c69f44b25447b',
      ct: '170f8beddfe949b75ef9c387e201baf4132fa7374593dfafa90768788b7b2b200aafcc6d80ea4c795a7c5b841a',
    },
    {
      sequenceNumber: 1,
      pt: '4265617574792069732074727574682c20747275746820626561757479',
      aad: '436f756e742d31',
      nonce: '55ff7a7d739c69f44b25447a',
      ct: 'd9ee248e220ca24ac00bbbe7e221a832e4f7fa64c4fbab3945b6f3af0c5ecd5e16815b328be4954a05fd352256',
    },
    {
      sequenceNumber: 2,
      pt: '4265617574792069732074727574682c20747275746820626561757479',
      aad: '436f756e742d32',
      nonce: '55ff7a7d739c69f44b254479',
      ct: '142cf1e02d1f58d9285f2af7dcfa44f7c3f2d15c73d460c48c6e0e506a3144bae35284e7e221105b61d24e1c7a',
    },
    {
      sequenceNumber: 4,
      pt: '4265617574792069732074727574682c20747275746820626561757479',
      aad: '436f756e742d34',
      nonce: '55ff7a7d739c69f44b25447f',
      ct: '3bb3a5a07100e5a12805327bf3b152df728b1c1be75a9fd2cb2bf5eac0cca1fb80addb37eb2a32938c7268e3e5',
    },
    {
      sequenceNumber: 255,
      pt: '4265617574792069732074727574682c20747275746820626561757479',
      aad: '436f756e742d323535',
      nonce: '55ff7a7d739c69f44b254484',
      ct: '4f268d0930f8d50b8fd9d0f26657ba25b5cb08b308c92e33382f369c768b558e113ac95a4c70dd60909ad1adc7',
    },
    {
      sequenceNumber: 256,
      pt: '4265617574792069732074727574682c20747275746820626561757479',
      aad: '436f756e742d323536',
      nonce: '55ff7a7d739c69f44b25457b',
      ct: 'dbbfc44ae037864e75f136e8b4b4123351d480e6619ae0e0ae437f036f2f8f1ef677686323977a1ccbb4b4f16a',
    },
  ],
  exports: [
    {
      exporterContext: '',
      length: 32,
      exportedValue: '05e2e5bd9f0c30832b80a279ff211cc65eceb0d97001524085d609ead60d0412',
    },
    {
      exporterContext: '00',
      length: 32,
      exportedValue: 'fca69744bb537f5b7a1596dbf34eaa8d84bf2e3ee7f1a155d41bd3624aa92b63',
    },
    {
      exporterContext: '54657374436f6e74657874',
      length: 32,
      exportedValue: 'f389beaac6fcf6c0d9376e20f97e364f0609a88f1bc76d7328e9104df8477013',
    },
  ],
} as const;
