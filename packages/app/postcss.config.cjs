// Mantine's PostCSS preset: rem() helpers, light-dark() and the smaller-than/larger-than mixins.
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
